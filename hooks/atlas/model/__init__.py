"""The checked atlas as plain data, and the loader that builds it from practices/."""
