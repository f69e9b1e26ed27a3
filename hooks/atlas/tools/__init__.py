"""The editors' and maintainers' tools (scripts/): their command line, reports and link checks."""
