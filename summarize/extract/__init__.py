"""Extract: key topics, organisations and key facts (date, place, people, figures, quotes, contacts)."""
