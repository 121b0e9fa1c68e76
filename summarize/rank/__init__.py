"""Rank: candidate sentences scored by the project's ranker or sumy's, and the selection of the summary."""
