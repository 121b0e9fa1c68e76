"""Grammar: the French part-of-speech tagger and the noun phrases it finds."""
