"""The local broker script refuses to start on a port another program already answers on."""

import os
import socket
import subprocess
from pathlib import Path

KAFKA = Path(__file__).resolve().parents[3] / "deploy" / "kafka" / "kafka.sh"


def test_kafka_up_on_a_port_another_program_holds_fails_and_says_so(tmp_path: Path) -> None:
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        port = other.getsockname()[1]
        env = {**os.environ, "KAFKA_HOME": str(tmp_path), "KAFKA_PORT": str(port), "KAFKA_CONTROLLER_PORT": "1"}
        done = subprocess.run([str(KAFKA), "up"], env=env, capture_output=True, text=True, timeout=30)
    assert done.returncode == 1
    assert f"127.0.0.1:{port} is already in use by another process" in done.stderr
    assert not (tmp_path / "libs-4.1.1").exists()  # refused before fetching or formatting anything
