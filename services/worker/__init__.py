"""The Faust shell around the pure stages: decode, call, send, count."""
