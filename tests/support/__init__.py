"""What the browser tests and the benchmark (scripts/bench.py) share: a server that serves a built
site as GitHub Pages does, the browser to drive, and one page of each type found in a built site."""
