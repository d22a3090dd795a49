"""Marsad's services. A current mypyc build of the pure text packages, if any, is used (see `native`)."""

from services import native

native.install()
