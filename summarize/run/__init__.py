"""Run: many inputs at once: batches of files, record corpora and Dask clusters, around the pipeline."""
