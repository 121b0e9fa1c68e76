"""Dask distributed: run the same tasks as the local pool on a cluster.

Imported only with --scheduler or by library users who already run Dask; the single-file path
never imports it (nor dask, distributed or pyarrow).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from .batch import Options
from .records import DASK_EXTRA, Fields, flat_row, parquet_schema, summarize_partition

if TYPE_CHECKING:
    from concurrent.futures import Executor

CONNECT_TIMEOUT = 5  # seconds: an unreachable scheduler is reported quickly, not after Dask's 30 s
_CLOSING_NOISE = ("tornado.application", "distributed.client", "distributed.batched")  # loggers of the closing client
CLOSE_TIMEOUT = 60  # seconds: on a busy machine a close can take longer than a connect; one that fails prints a traceback at exit


@dataclass
class Cluster:
    """A connection to a scheduler: an Executor for our tasks and how many tasks to keep in flight."""

    client: Any
    executor: Executor
    threads: int

    @property
    def window(self) -> int:
        return max(2, 2 * self.threads)

    def close(self) -> None:
        """Cancel what is still queued and disconnect (the cluster itself keeps running). Tasks still in
        flight then fail in the client's event loop ("Stream is closed"), which tornado logs with a
        traceback: after a Ctrl-C or an early stop that is expected, and the user was already told."""
        _quiet_closing_client()
        try:
            self.executor.shutdown(wait=False)
            self.client.close(timeout=CLOSE_TIMEOUT)
        except Exception:  # closing after a lost connection: nothing left to release
            pass


def connect(address: str, timeout: float = CONNECT_TIMEOUT) -> Cluster:
    """Connect to a Dask scheduler, or say clearly why not."""
    try:
        from distributed import Client
    except ImportError:
        raise InputError(f"--scheduler needs Dask distributed: {DASK_EXTRA}") from None
    _probe(address, timeout)
    try:
        client = Client(address, timeout=timeout, set_as_default=False)
    except Exception as exc:  # the scheduler went away since the probe
        raise InputError(f"cannot reach the Dask scheduler at {address} ({_reason(exc)})") from None
    threads = sum(client.nthreads().values())
    _quiet_closing_client()  # a task cancelled by Ctrl-C may fail in the loop before close() is reached
    return Cluster(client, client.get_executor(pure=False), threads)


def _quiet_closing_client() -> None:
    """The loggers that print a traceback when a task in flight fails because its connection closed:
    every failure that matters reaches the user as a record's error or the run's message instead."""
    import logging

    for name in _CLOSING_NOISE:
        logging.getLogger(name).setLevel(logging.CRITICAL)


def _probe(address: str, timeout: float) -> None:
    """Ask the address who it is before making a client: Dask's client retries for its whole
    timeout, and one that failed (say, on a port where another service answers) prints a
    traceback when the interpreter exits."""
    import asyncio

    from distributed.comm import parse_address
    from distributed.comm.registry import get_backend

    try:
        scheme = parse_address(address)[0]
        get_backend(scheme)
    except (ValueError, TypeError) as exc:
        raise InputError(f"invalid Dask scheduler address {address!r} ({exc})") from None
    if scheme in ("tcp", "tls"):
        _listening(address, timeout)  # a refused port or an unknown host is known at once
    try:
        identity = asyncio.run(asyncio.wait_for(_identity(address, timeout), timeout))
    except Exception as exc:  # refused, unknown host, timeout, or garbage from a service that is not Dask
        raise InputError(f"cannot reach the Dask scheduler at {address} ({_reason(exc)})") from None
    if not isinstance(identity, dict) or identity.get("type") != "Scheduler":
        raise InputError(f"{address} answers but is not a Dask scheduler")


def _listening(address: str, timeout: float) -> None:
    import socket

    from distributed.comm import get_address_host_port

    try:
        with socket.create_connection(get_address_host_port(address), timeout=timeout):
            pass
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot reach the Dask scheduler at {address} ({_reason(exc)})") from None


async def _identity(address: str, timeout: float) -> object:
    from distributed.core import rpc

    remote = rpc(address, timeout=timeout)
    try:
        return await remote.identity()
    finally:
        await remote.close_rpc()


def _reason(exc: BaseException) -> str:
    if isinstance(exc, (TimeoutError, MemoryError)):
        return "no answer a Dask scheduler would give" if isinstance(exc, MemoryError) else "timed out"
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:200]


def summarize_dataframe(frame: Any, options: Options | None = None, fields: Fields | None = None) -> Any:
    """Map `summarize_partition` over a Dask DataFrame of records: one row per record, with the
    Parquet output's columns (summary and topics as lists, facts as JSON text)."""
    import pandas as pd

    options = options or Options()
    fields = fields or Fields()
    columns = parquet_schema().names
    meta = pd.DataFrame({name: pd.Series(dtype="object") for name in columns})
    return frame.map_partitions(_summarize_frame, options, fields, columns, meta=meta)


def _summarize_frame(frame: Any, options: Options, fields: Fields, columns: list[str]) -> Any:
    import pandas as pd

    records = [{k: (None if _missing(v) else v) for k, v in row.items()} for row in frame.to_dict("records")]
    rows = [flat_row(result) for result in summarize_partition(records, options, fields)]
    return pd.DataFrame(rows, columns=columns, index=frame.index)


def _missing(value: Any) -> bool:
    return isinstance(value, float) and value != value  # pandas' NaN for an absent value
