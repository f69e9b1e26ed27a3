"""The outputs: each module makes one kind of page or file from the records, and imports no other output."""
