"""Processes the benchmark starts, their resources, and stopping them.

Processes the benchmark starts: free ports, waiting for an HTTP answer, memory and CPU of a
process with its children (Sanic workers), and stopping what was started (only that)."""
from __future__ import annotations

import os
import subprocess
import time
import urllib.request
from pathlib import Path
from typing import IO, List, Optional, Sequence

import psutil

ROOT = Path(__file__).resolve().parent.parent

# Rasa reports usage to its servers unless told not to; TensorFlow's chatter stays out.
QUIET_ENV = {"RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "3",
             "SQLALCHEMY_SILENCE_UBER_WARNING": "1", "PYTHONPATH": str(ROOT)}


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


class Process:
    """One started process, its log file, and its figures."""

    def __init__(self, name: str, args: Sequence[str], log_path: Path, env: dict,
                 cwd: Path = ROOT):
        self.name, self.log_path = name, log_path
        self._log: IO = open(log_path, "ab")
        self.started = time.perf_counter()
        self.popen = subprocess.Popen(list(args), cwd=cwd, env=env, stdout=self._log,
                                      stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        self.ps = psutil.Process(self.popen.pid)

    def wait_until(self, url: str, timeout: float) -> float:
        """Seconds from this process's start until `url` answers 200."""
        deadline = self.started + timeout
        while time.perf_counter() < deadline:
            if self.popen.poll() is not None:
                raise RuntimeError(f"{self.name} exited ({self.popen.returncode}):\n"
                                   + self.log_tail())
            if answers(url):
                return time.perf_counter() - self.started
            time.sleep(0.1)
        raise RuntimeError(f"{self.name} did not answer {url.split('?')[0]} within "
                           f"{timeout:.0f}s:\n" + self.log_tail())

    def _tree(self) -> List[psutil.Process]:
        try:
            return [self.ps] + self.ps.children(recursive=True)
        except psutil.NoSuchProcess:
            return []

    def rss_mb(self) -> float:
        """Resident memory of the process and its children (several Sanic workers), MB."""
        total = 0
        for p in self._tree():
            try:
                total += p.memory_info().rss
            except psutil.NoSuchProcess:
                pass
        return round(total / 2**20, 1)

    def rss_each_mb(self) -> List[float]:
        """Resident memory of the process and of each child, MB (with several Sanic workers:
        the main process, then each worker)."""
        out = []
        for p in self._tree():
            try:
                out.append(round(p.memory_info().rss / 2**20, 1))
            except psutil.NoSuchProcess:
                pass
        return out

    def cpu_s(self) -> float:
        """CPU seconds (user + system) used so far by the process and its live children."""
        total = 0.0
        for p in self._tree():
            try:
                t = p.cpu_times()
                total += t.user + t.system
            except psutil.NoSuchProcess:
                pass
        return total

    def log_tail(self, chars: int = 3000) -> str:
        self._log.flush()
        return self.log_path.read_text(errors="replace")[-chars:]

    def stop(self, timeout: float = 30.0, signal_first: Optional[int] = None) -> None:
        """SIGTERM (or `signal_first`), then SIGKILL if it lingers; children go with it."""
        if self.popen.poll() is None:
            children = self._tree()[1:]
            if signal_first is None:
                self.popen.terminate()
            else:
                self.popen.send_signal(signal_first)
            try:
                self.popen.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.popen.kill()
                self.popen.wait(timeout=10)
            for child in children:
                try:
                    child.kill()
                except psutil.NoSuchProcess:
                    pass
        self._log.close()


def env_with(**overrides: str) -> dict:
    return dict(os.environ, **QUIET_ENV, **overrides)
