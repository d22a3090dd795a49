"""Sample articles for `marsad demo`: written by the Marsad team, not taken from any outlet."""
