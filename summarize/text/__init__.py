"""Text: the release's structure (title, furniture, paragraphs), re-flowed lines, sentences, words and dates."""
