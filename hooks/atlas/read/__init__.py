"""Reading the editors' files safely: regular files only, strict YAML, text without control characters."""
