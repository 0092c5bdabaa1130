"""Settings become the right aiokafka kwargs and Faust credentials for PLAINTEXT, SSL (with mTLS), SASL_PLAINTEXT and SASL_SSL.

TLS contexts are checked by a real in-memory TLS handshake against certificates made by the
`openssl` command for the test, not by looking at attributes alone."""

from __future__ import annotations

import os
import ssl
import subprocess
from dataclasses import dataclass
from pathlib import Path

import faust
import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient
from faust.transport.drivers.aiokafka import credentials_to_aiokafka_auth
from faust.types.auth import AuthProtocol, SASLMechanism

from services.common.faust_base import make_app
from services.common.kafka import (
    aiokafka_options,
    faust_broker_credentials,
    producer_options,
    ssl_context,
)
from services.common.settings import Settings

SASL = {"kafka_sasl_username": "svc-newsevents", "kafka_sasl_password": "s3cr3t-pw"}


@pytest.fixture(autouse=True)
def no_newsevents_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every case states its values; a variable exported in the shell must not blur them."""
    for name in list(os.environ):
        if name.startswith("NEWSEVENTS_"):
            monkeypatch.delenv(name)


@dataclass(frozen=True)
class Pki:
    ca: Path
    server_cert: Path
    server_key: Path
    client_cert: Path
    client_key: Path
    client_key_encrypted: Path
    other_ca: Path


def openssl(*args: str, cwd: Path) -> None:
    try:
        subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True)
    except FileNotFoundError:  # pragma: no cover - a machine without openssl
        pytest.fail("these tests make their certificates with the `openssl` command; install it")


def make_ca(name: str, cwd: Path) -> None:
    openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", f"{name}.key", "-out", f"{name}.pem", "-days", "2", "-subj", f"/CN={name}",
            "-addext", "basicConstraints=critical,CA:TRUE",
            "-addext", "keyUsage=critical,keyCertSign,cRLSign", cwd=cwd)


def make_leaf(name: str, ca: str, cwd: Path) -> None:
    (cwd / f"{name}.ext").write_text("subjectAltName=DNS:localhost\nbasicConstraints=CA:FALSE\n")
    openssl("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", f"{name}.key", "-out", f"{name}.csr", "-subj", f"/CN={name}", cwd=cwd)
    openssl("x509", "-req", "-in", f"{name}.csr", "-CA", f"{ca}.pem", "-CAkey", f"{ca}.key",
            "-CAcreateserial", "-out", f"{name}.pem", "-days", "2", "-extfile", f"{name}.ext", cwd=cwd)


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    d = tmp_path_factory.mktemp("pki")
    make_ca("test-ca", d)
    make_ca("other-ca", d)
    make_leaf("server", "test-ca", d)
    make_leaf("client", "test-ca", d)
    openssl("pkey", "-in", "client.key", "-out", "client-enc.key", "-aes256", "-passout",
            "pass:key-pw", cwd=d)
    return Pki(d / "test-ca.pem", d / "server.pem", d / "server.key", d / "client.pem",
               d / "client.key", d / "client-enc.key", d / "other-ca.pem")


def handshake(client: ssl.SSLContext, pki: Pki, require_client_cert: bool = False) -> dict[str, object]:
    """A TLS handshake between `client` and a server with a certificate of the test CA, in memory;
    returns the certificate the server saw from the client ({} when none)."""
    server = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server.load_cert_chain(pki.server_cert, pki.server_key)
    if require_client_cert:
        server.verify_mode = ssl.CERT_REQUIRED
        server.load_verify_locations(pki.ca)
    c_in, c_out, s_in, s_out = ssl.MemoryBIO(), ssl.MemoryBIO(), ssl.MemoryBIO(), ssl.MemoryBIO()
    c = client.wrap_bio(c_in, c_out, server_hostname="localhost")
    s = server.wrap_bio(s_in, s_out, server_side=True)
    done = {"c": False, "s": False}
    for _ in range(20):
        for name, side in (("c", c), ("s", s)):
            if not done[name]:
                try:
                    side.do_handshake()
                    done[name] = True
                except ssl.SSLWantReadError:
                    pass
            s_in.write(c_out.read())
            c_in.write(s_out.read())
        if all(done.values()):
            # TLS 1.3 checks the client certificate after the client thinks it is done
            c.write(b"ping")
            s_in.write(c_out.read())
            assert s.read(4) == b"ping"
            return dict(s.getpeercert() or {})
    raise AssertionError("handshake did not finish")


def subject_cn(cert: dict[str, object]) -> str:
    return dict(x[0] for x in cert["subject"])["commonName"]  # type: ignore[index,union-attr]


# --- PLAINTEXT ----------------------------------------------------------------------------------

def test_plaintext_gives_bootstrap_and_protocol_only_and_no_faust_credentials() -> None:
    s = Settings(kafka_bootstrap="b1:9092,b2:9092")
    assert aiokafka_options(s) == {"bootstrap_servers": "b1:9092,b2:9092", "security_protocol": "PLAINTEXT"}
    assert faust_broker_credentials(s) is None and ssl_context(s) is None


# --- SASL ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("mechanism", ["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"])
def test_sasl_ssl_passes_mechanism_user_password_and_a_verifying_tls_context(mechanism: str) -> None:
    s = Settings(kafka_security_protocol="SASL_SSL", kafka_sasl_mechanism=mechanism, **SASL)
    opts = aiokafka_options(s)
    assert {k: v for k, v in opts.items() if k != "ssl_context"} == {
        "bootstrap_servers": "localhost:9092", "security_protocol": "SASL_SSL",
        "sasl_mechanism": mechanism, "sasl_plain_username": "svc-newsevents",
        "sasl_plain_password": "s3cr3t-pw",
    }
    ctx = opts["ssl_context"]
    assert isinstance(ctx, ssl.SSLContext)
    assert ctx.verify_mode == ssl.CERT_REQUIRED and ctx.check_hostname


@pytest.mark.parametrize("mechanism", ["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"])
def test_sasl_ssl_gives_faust_sasl_credentials_over_ssl(mechanism: str) -> None:
    s = Settings(kafka_security_protocol="SASL_SSL", kafka_sasl_mechanism=mechanism, **SASL)
    creds = faust_broker_credentials(s)
    assert isinstance(creds, faust.SASLCredentials)
    assert creds.protocol == AuthProtocol.SASL_SSL and creds.mechanism == SASLMechanism(mechanism)
    assert (creds.username, creds.password) == ("svc-newsevents", "s3cr3t-pw")
    assert isinstance(creds.ssl_context, ssl.SSLContext)
    assert "s3cr3t-pw" not in repr(creds)


def test_sasl_plaintext_has_no_tls_context_in_either_client() -> None:
    s = Settings(kafka_security_protocol="SASL_PLAINTEXT", kafka_sasl_mechanism="SCRAM-SHA-256", **SASL)
    opts = aiokafka_options(s)
    assert opts["security_protocol"] == "SASL_PLAINTEXT" and "ssl_context" not in opts
    creds = faust_broker_credentials(s)
    assert isinstance(creds, faust.SASLCredentials)
    assert creds.protocol == AuthProtocol.SASL_PLAINTEXT and creds.ssl_context is None


@pytest.mark.parametrize("protocol", ["SSL", "SASL_PLAINTEXT", "SASL_SSL"])
def test_faust_turns_our_credentials_into_the_same_aiokafka_options_we_build(protocol: str) -> None:
    extra = SASL if protocol.startswith("SASL_") else {}
    s = Settings(kafka_security_protocol=protocol, kafka_sasl_mechanism="SCRAM-SHA-512", **extra)
    ours = {k: v for k, v in aiokafka_options(s).items() if k != "bootstrap_servers"}
    faust_side = {k: v for k, v in credentials_to_aiokafka_auth(faust_broker_credentials(s)).items()
                  if v is not None}
    assert ours.keys() == faust_side.keys()
    for key, value in ours.items():
        if key == "ssl_context":
            assert isinstance(faust_side[key], ssl.SSLContext)
        else:
            assert value == faust_side[key], key


# --- SSL ----------------------------------------------------------------------------------------

def test_ssl_with_the_cluster_ca_verifies_a_broker_certificate_of_that_ca(pki: Pki) -> None:
    s = Settings(kafka_security_protocol="SSL", kafka_ssl_cafile=pki.ca)
    assert handshake(aiokafka_options(s)["ssl_context"], pki) == {}


def test_ssl_with_another_ca_refuses_the_broker_certificate(pki: Pki) -> None:
    s = Settings(kafka_security_protocol="SSL", kafka_ssl_cafile=pki.other_ca)
    with pytest.raises(ssl.SSLCertVerificationError):
        handshake(aiokafka_options(s)["ssl_context"], pki)


def test_ssl_client_certificate_is_presented_to_a_broker_that_requires_one(pki: Pki) -> None:
    s = Settings(kafka_security_protocol="SSL", kafka_ssl_cafile=pki.ca,
                 kafka_ssl_certfile=pki.client_cert, kafka_ssl_keyfile=pki.client_key)
    seen = handshake(aiokafka_options(s)["ssl_context"], pki, require_client_cert=True)
    assert subject_cn(seen) == "client"


def test_an_encrypted_client_key_is_opened_with_its_password(pki: Pki) -> None:
    s = Settings(kafka_security_protocol="SSL", kafka_ssl_cafile=pki.ca,
                 kafka_ssl_certfile=pki.client_cert, kafka_ssl_keyfile=pki.client_key_encrypted,
                 kafka_ssl_key_password="key-pw")
    assert subject_cn(handshake(aiokafka_options(s)["ssl_context"], pki, require_client_cert=True)) == "client"


def test_an_encrypted_client_key_without_its_password_fails_instead_of_prompting(pki: Pki) -> None:
    s = Settings(kafka_security_protocol="SSL", kafka_ssl_cafile=pki.ca,
                 kafka_ssl_certfile=pki.client_cert, kafka_ssl_keyfile=pki.client_key_encrypted)
    with pytest.raises(ssl.SSLError):
        aiokafka_options(s)


def test_ssl_gives_faust_ssl_credentials_with_the_same_verifying_context(pki: Pki) -> None:
    s = Settings(kafka_security_protocol="SSL", kafka_ssl_cafile=pki.ca,
                 kafka_ssl_certfile=pki.client_cert, kafka_ssl_keyfile=pki.client_key)
    creds = faust_broker_credentials(s)
    assert isinstance(creds, faust.SSLCredentials) and creds.protocol == AuthProtocol.SSL
    assert subject_cn(handshake(creds.context, pki, require_client_cert=True)) == "client"


def test_sasl_ssl_context_trusts_the_configured_ca(pki: Pki) -> None:
    s = Settings(kafka_security_protocol="SASL_SSL", kafka_ssl_cafile=pki.ca, **SASL)
    creds = faust_broker_credentials(s)
    assert isinstance(creds, faust.SASLCredentials) and creds.ssl_context is not None
    assert handshake(creds.ssl_context, pki) == {}


# --- the clients accept what we build -----------------------------------------------------------

@pytest.mark.parametrize("protocol", ["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"])
async def test_aiokafka_clients_accept_the_options_for_every_protocol(protocol: str) -> None:
    extra = SASL if protocol.startswith("SASL_") else {}
    s = Settings(kafka_security_protocol=protocol, **extra)
    # constructing validates the security kwargs; nothing connects until start()
    producer = AIOKafkaProducer(**aiokafka_options(s))
    consumer = AIOKafkaConsumer(**aiokafka_options(s), group_id=None)
    admin = AIOKafkaAdminClient(**aiokafka_options(s))
    assert producer.client._security_protocol == protocol
    assert consumer._client._security_protocol == protocol
    assert admin._client._security_protocol == protocol


def test_faust_apps_are_built_with_the_configured_credentials(tmp_path: Path) -> None:
    s = Settings(kafka_security_protocol="SASL_SSL", kafka_bootstrap="b1:9093,b2:9093",
                 data_dir=tmp_path, **SASL)
    app = make_app("extractor", s)
    creds = app.conf.broker_credentials
    assert isinstance(creds, faust.SASLCredentials) and creds.protocol == AuthProtocol.SASL_SSL
    assert [str(u) for u in app.conf.broker] == ["kafka://b1:9093", "kafka://b2:9093"]


# --- compression --------------------------------------------------------------------------------

@pytest.mark.parametrize("codec", ["gzip", "lz4", "zstd", "snappy"])
async def test_every_producer_of_ours_compresses_with_the_configured_codec(codec: str, tmp_path: Path) -> None:
    s = Settings(kafka_compression=codec, data_dir=tmp_path)
    assert producer_options(s)["compression_type"] == codec
    AIOKafkaProducer(**producer_options(s))  # refuses a codec whose library is not installed
    assert make_app("extractor", s).conf.producer_compression_type == codec


def test_lz4_is_the_default_and_none_turns_compression_off(tmp_path: Path) -> None:
    assert producer_options(Settings())["compression_type"] == "lz4"
    off = Settings(kafka_compression="none", data_dir=tmp_path)
    assert "compression_type" not in producer_options(off)
    assert make_app("extractor", off).conf.producer_compression_type is None
