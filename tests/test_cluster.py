"""A real Dask LocalCluster (2 worker processes, loopback): the same results as the local pool,
every input format, Parquet parts, a worker killed mid-run, bad records, an unreachable
scheduler, Ctrl-C. Marked slow (a cluster takes seconds to start); .ci/run runs them."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time

import pytest

from summarize.run.batch import Options
from summarize.run.records import Fields, outcomes, prepare, remove_temporary_parts

from .corpus import BAD_RECORDS, read_jsonl, releases, with_bad_records, without_source, write_csv, write_jsonl, write_parquet

distributed = pytest.importorskip("distributed")
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=":0", silence_logs=50) as local:
        yield local


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    records = with_bad_records(releases(300))
    return write_jsonl(folder / "releases.jsonl", records), records


def cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "summarize", *args], capture_output=True, text=True, timeout=600,
                          env={**os.environ, **(env or {})})


def test_cluster_gives_the_local_pools_results(cluster, corpus):
    path, records = corpus
    local = cli("--records", str(path), "-f", "jsonl", "-j", "2", "--partition-size", "16k")
    remote = cli("--records", str(path), "-f", "jsonl", "--partition-size", "16k", "--scheduler", cluster.scheduler_address)
    assert local.returncode == remote.returncode == 1  # the bad records
    assert remote.stdout == local.stdout
    results = read_jsonl(remote.stdout)
    assert [r["id"] for r in results] == [r["id"] for r in records]  # every record once, in order
    errors = {r["id"]: r["error"] for r in results if "error" in r}
    assert set(errors) == set(BAD_RECORDS) and all(BAD_RECORDS[k][1] in errors[k] for k in errors)
    assert f"{len(records) - len(BAD_RECORDS)} summarized, {len(BAD_RECORDS)} failed" in remote.stderr


def test_scheduler_from_the_environment_for_files_and_folders(cluster, samples):
    folder = str(samples[0].parent)
    local = cli(folder, "-f", "jsonl", "-j", "2")
    remote = cli(folder, "-f", "jsonl", env={"SUMMARIZE_SCHEDULER": cluster.scheduler_address})
    assert remote.returncode == local.returncode == 0
    assert remote.stdout == local.stdout and len(read_jsonl(remote.stdout)) == len(samples)


def test_every_input_format_on_the_cluster(cluster, tmp_path):
    records = releases(90)
    paths = [write_jsonl(tmp_path / "a.jsonl", records[:30]), write_csv(tmp_path / "b.csv", records[30:60]),
             write_parquet(tmp_path / "c.parquet", records[60:], row_group_size=8)]
    remote = cli("--records", *map(str, paths), "-f", "jsonl", "--partition-size", "6k", "--scheduler", cluster.scheduler_address)
    local = cli("--records", *map(str, paths), "-f", "jsonl", "-j", "1")
    assert remote.returncode == 0, remote.stderr
    assert remote.stdout == local.stdout
    assert [r["id"] for r in read_jsonl(remote.stdout)] == [r["id"] for r in records]


def test_parquet_parts_from_the_workers(cluster, corpus, tmp_path):
    import pyarrow.parquet as pq

    path, records = corpus
    out = tmp_path / "out"
    remote = cli("--records", str(path), "-o", str(out), "--partition-size", "16k", "--scheduler", cluster.scheduler_address)
    assert remote.returncode == 1 and "part files in" in remote.stderr
    names = sorted(name for name in os.listdir(out) if name != ".summarize.job.json")  # the job the parts belong to
    assert names[0] == "_groups.jsonl"  # the duplicate groups the client matched (issue 26)
    names = names[1:]
    assert names == [f"part-{i:05d}.parquet" for i in range(len(names))]  # nothing temporary left, no gap
    table = pq.read_table(out)
    assert table.schema.names[:4] == ["id", "source", "language", "title"] and table.schema.names[-1] == "error"
    rows = table.to_pylist()
    assert [r["id"] for r in rows] == [r["id"] for r in records]
    local = read_jsonl(cli("--records", str(path), "-f", "jsonl", "-j", "1").stdout)
    for row, result in zip(rows, local, strict=True):
        if "error" in result:
            assert row["error"] == result["error"] and row["summary"] is None
        else:
            assert (row["summary"], row["topics"], json.loads(row["facts"])) == (result["summary"], result["topics"], result["facts"])


def test_a_worker_killed_mid_run_loses_no_record(cluster, corpus, tmp_path):
    """Kill the worker that is computing a partition while most partitions are not even submitted
    (the client keeps a bounded window): the cluster reruns its tasks elsewhere, every record is
    in the parts exactly once, and no partial part is left."""
    import pyarrow.parquet as pq

    from summarize.run.cluster import connect

    path, records = corpus
    out = str(tmp_path / "out")
    remote = connect(cluster.scheduler_address)
    try:
        job = prepare([str(path)], remote.executor, remote.window, 8_000)
        assert len(job.partitions) > 3 * remote.window
        stream = outcomes(job, Options(), Fields(), remote.executor, remote.window, out)
        seen = [next(stream)]
        killed = None
        while killed is None and len(seen) < len(job.partitions) - remote.window:
            busy = [address for address, tasks in remote.client.processing().items() if tasks]
            if busy:
                pids = remote.client.run(os.getpid, workers=[busy[0]])
                os.kill(pids[busy[0]], signal.SIGKILL)
                killed = busy[0]
            else:
                seen.append(next(stream))
        assert killed is not None, "no worker was ever caught computing"
        seen.extend(stream)
    finally:
        remote.close()
        remove_temporary_parts(out, job.run_id)
    assert sorted(o.index for o in seen) == list(range(len(job.partitions)))
    assert not [name for name in os.listdir(out) if not name.startswith("part-")]
    assert [r["id"] for r in pq.read_table(out).to_pylist()] == [r["id"] for r in records]


def test_a_killed_client_is_resumed_on_the_cluster_every_record_once(cluster, tmp_path):
    """The client is killed (SIGKILL) once a worker has written a part; the same command again
    keeps the parts already written and writes the others: every record once, in order."""
    from .test_resume import part_ids, part_inodes, start_and_stop_after_first_part

    records = with_bad_records(releases(700))
    corpus = write_jsonl(tmp_path / "big.jsonl", records)
    out = tmp_path / "out"
    args = ["--records", str(corpus), "-o", str(out), "--partition-size", "8k", "--scheduler", cluster.scheduler_address]
    start_and_stop_after_first_part(args, out, lambda proc: os.kill(proc.pid, signal.SIGKILL))
    kept = part_inodes(out)
    again = cli(*args)
    assert again.returncode == 1, again.stderr[-3000:]  # the bad records, wherever they are
    assert "resuming:" in again.stderr and "Traceback" not in again.stderr
    assert part_ids(out) == [r["id"] for r in records]
    assert {name: inode for name, inode in part_inodes(out).items() if name in kept} == kept  # kept, not written again
    assert not [p for p in out.iterdir() if p.name.endswith("tmp")]


def test_unreachable_scheduler_is_a_clear_error(tmp_path, corpus):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    for args in (["--records", str(corpus[0])], [str(tmp_path)]):
        run = cli(*args, "-f", "jsonl", "--scheduler", f"tcp://127.0.0.1:{port}")
        assert run.returncode == 1
        assert "cannot reach the Dask scheduler" in run.stderr and "Traceback" not in run.stderr
    bad = cli("--records", str(corpus[0]), "--scheduler", "nonsense://")
    assert bad.returncode == 1 and "Traceback" not in bad.stderr and "invalid Dask scheduler address" in bad.stderr


def test_a_service_that_is_not_dask_is_a_clear_error(corpus):
    """Something else listens on the port (a web server, a proxy): no hang, no traceback."""
    import threading

    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()

    def answer() -> None:
        while True:
            try:
                connection, _ = server.accept()
            except OSError:
                return
            with connection:
                connection.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n" * 4)

    threading.Thread(target=answer, daemon=True).start()
    try:
        run = cli("--records", str(corpus[0]), "--scheduler", f"tcp://127.0.0.1:{server.getsockname()[1]}")
    finally:
        server.close()
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert "cannot reach the Dask scheduler" in run.stderr or "not a Dask scheduler" in run.stderr


def test_ctrl_c_cancels_the_cluster_work(cluster, tmp_path):
    """The results pipe is not read until the interrupt is sent, so the run cannot have finished."""
    corpus = write_jsonl(tmp_path / "big.jsonl", releases(3000))
    proc = subprocess.Popen([sys.executable, "-m", "summarize", "--records", str(corpus), "-f", "jsonl",
                             "--partition-size", "32k", "--scheduler", cluster.scheduler_address],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = proc.stdout.readline()
    assert json.loads(first)["id"] == "r0000"
    proc.send_signal(signal.SIGINT)
    rest, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 130, stderr.decode()[-3000:]
    assert b"Traceback" not in stderr and b"interrupted after" in stderr, stderr.decode()[-3000:]
    assert len(rest.splitlines()) < 2999
    deadline = time.monotonic() + 60  # the client went away: the scheduler forgets its tasks
    while cluster.scheduler.tasks and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not cluster.scheduler.tasks, list(cluster.scheduler.tasks)[:5]


def test_summarize_dataframe_maps_over_a_dask_dataframe(cluster):
    pd = pytest.importorskip("pandas")
    import dask.dataframe as dd

    from summarize.run.cluster import summarize_dataframe
    from summarize.run.records import flat_row, summarize_partition

    records = releases(40)
    frame = dd.from_pandas(pd.DataFrame(records), npartitions=4)
    with distributed.Client(cluster.scheduler_address, set_as_default=False) as client:
        rows = client.compute(summarize_dataframe(frame, Options(sentences=2))).result().to_dict("records")
    expected = [flat_row(r) for r in summarize_partition(records, Options(sentences=2))]
    assert [r["id"] for r in rows] == [r["id"] for r in records]
    assert without_source(rows) == without_source(expected)


def test_summarize_partition_maps_over_a_dask_bag(cluster):
    import dask.bag as db

    from summarize.run.records import summarize_partition

    records = releases(30)
    bag = db.from_sequence(records, npartitions=3).map_partitions(summarize_partition)
    with distributed.Client(cluster.scheduler_address, set_as_default=False) as client:
        results = client.compute(bag).result()
    assert [r["id"] for r in results] == [r["id"] for r in records]
    assert without_source(results) == without_source(summarize_partition(records))
