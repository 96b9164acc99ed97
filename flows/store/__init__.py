"""The store path: what happens to a fetched batch after the network.

- `batch`: archive (WARC, fetch rows), parse, load one batch; parse failures as values.
- `cycle`: a crawl's storing half (a batch, then its frontier rows and run counts).
- `lease`: how long a writer keeps the archive file between batches.
- `worker`: the cycle in a worker process, so fetching and storing use both cores.
"""
