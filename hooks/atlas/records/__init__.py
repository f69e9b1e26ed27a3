"""One published record per practice, actor and guide text and language: what every output reads."""
