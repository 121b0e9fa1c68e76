"""Read: bytes of any format -> decoded text in the plain shape of a release (title line, one paragraph a line)."""
