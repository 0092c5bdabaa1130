"""Settings refuse insecure or inconsistent security configuration with a message naming the variable, and never print secrets."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pydantic import SecretStr, ValidationError

from services.common.settings import Settings, is_loopback_host

STRONG_TOKEN = "f3a9c1e07b2d4c58a6e1d9b0c7f2e4a1"


@pytest.fixture(autouse=True)
def no_newsevents_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests state every value they need; a variable exported in the shell must not leak in."""
    for name in list(os.environ):
        if name.startswith("NEWSEVENTS_"):
            monkeypatch.delenv(name)


def refusal(**values: object) -> str:
    with pytest.raises(ValidationError) as info:
        Settings(**values)  # type: ignore[arg-type]
    return str(info.value)


def test_defaults_are_plaintext_kafka_and_an_open_loopback_endpoint() -> None:
    s = Settings()
    assert s.kafka_security_protocol == "PLAINTEXT"
    assert s.http_token_value is None and is_loopback_host(s.http_host)


def test_sasl_without_username_or_password_is_refused_naming_both_variables() -> None:
    reason = refusal(kafka_security_protocol="SASL_SSL", kafka_sasl_username="svc")
    assert "NEWSEVENTS_KAFKA_SASL_USERNAME" in reason and "NEWSEVENTS_KAFKA_SASL_PASSWORD" in reason
    assert "SASL_PLAINTEXT" in refusal(kafka_security_protocol="SASL_PLAINTEXT",
                                       kafka_sasl_password="pw")


def test_sasl_with_an_empty_password_is_refused() -> None:
    refusal(kafka_security_protocol="SASL_SSL", kafka_sasl_username="svc", kafka_sasl_password="")


def test_sasl_credentials_with_a_plaintext_protocol_are_refused_rather_than_ignored() -> None:
    reason = refusal(kafka_sasl_username="svc", kafka_sasl_password="pw")
    assert "SASL_SSL" in reason


def test_an_unknown_mechanism_or_protocol_is_refused() -> None:
    refusal(kafka_security_protocol="SASL_SSL", kafka_sasl_mechanism="GSSAPI",
            kafka_sasl_username="svc", kafka_sasl_password="pw")
    refusal(kafka_security_protocol="TLS")


def test_a_missing_ssl_file_is_refused_with_its_path(tmp_path: Path) -> None:
    missing = tmp_path / "nope" / "ca.pem"
    reason = refusal(kafka_security_protocol="SSL", kafka_ssl_cafile=missing)
    assert "NEWSEVENTS_KAFKA_SSL_CAFILE" in reason and str(missing) in reason


def test_ssl_files_with_a_protocol_without_tls_are_refused(tmp_path: Path) -> None:
    ca = tmp_path / "ca.pem"
    ca.write_text("not read by the validator")
    assert "SSL or SASL_SSL" in refusal(kafka_ssl_cafile=ca)


def test_a_client_key_without_its_certificate_is_refused(tmp_path: Path) -> None:
    key = tmp_path / "client.key"
    key.write_text("x")
    assert "NEWSEVENTS_KAFKA_SSL_CERTFILE" in refusal(kafka_security_protocol="SSL",
                                                       kafka_ssl_keyfile=key)


def test_existing_ssl_files_are_accepted(tmp_path: Path) -> None:
    for name in ("ca.pem", "client.pem", "client.key"):
        (tmp_path / name).write_text("x")
    s = Settings(kafka_security_protocol="SSL", kafka_ssl_cafile=tmp_path / "ca.pem",
                 kafka_ssl_certfile=tmp_path / "client.pem", kafka_ssl_keyfile=tmp_path / "client.key")
    assert s.kafka_ssl_keyfile == tmp_path / "client.key"


def test_settings_are_read_from_newsevents_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSEVENTS_KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
    monkeypatch.setenv("NEWSEVENTS_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512")
    monkeypatch.setenv("NEWSEVENTS_KAFKA_SASL_USERNAME", "svc")
    monkeypatch.setenv("NEWSEVENTS_KAFKA_SASL_PASSWORD", "s3cr3t-pw")
    monkeypatch.setenv("NEWSEVENTS_HTTP_TOKEN", STRONG_TOKEN)
    monkeypatch.setenv("NEWSEVENTS_HTTP_RATE_PER_S", "2.5")
    monkeypatch.setenv("NEWSEVENTS_HTTP_RATE_BURST", "5")
    s = Settings()
    assert (s.kafka_sasl_mechanism, s.kafka_sasl_username) == ("SCRAM-SHA-512", "svc")
    assert s.kafka_sasl_password is not None and s.kafka_sasl_password.get_secret_value() == "s3cr3t-pw"
    assert (s.http_token_value, s.http_rate_per_s, s.http_rate_burst) == (STRONG_TOKEN, 2.5, 5)


def test_secrets_never_appear_when_settings_are_printed_or_dumped() -> None:
    s = Settings(kafka_security_protocol="SASL_SSL", kafka_sasl_username="svc",
                 kafka_sasl_password="s3cr3t-pw", http_token=STRONG_TOKEN)
    for shown in (repr(s), str(s), s.model_dump_json(), str(s.model_dump())):
        assert "s3cr3t-pw" not in shown and STRONG_TOKEN not in shown
    assert "svc" in repr(s)


def test_production_refuses_an_empty_token() -> None:
    assert "empty NEWSEVENTS_HTTP_TOKEN" in refusal(profile="production", http_token="")
    assert "empty NEWSEVENTS_HTTP_TOKEN" in refusal(profile="production", http_token="   ")


def test_production_refuses_a_placeholder_or_short_token() -> None:
    assert "placeholder" in refusal(profile="production", http_token="change-me")
    assert "placeholder" in refusal(profile="production", http_token="CHANGEME")
    assert "shorter than 16" in refusal(profile="production", http_token="abc123")


def test_production_refuses_a_public_bind_without_a_token() -> None:
    reason = refusal(profile="production", http_host="0.0.0.0")
    assert "NEWSEVENTS_HTTP_HOST=0.0.0.0" in reason and "NEWSEVENTS_HTTP_TOKEN" in reason
    refusal(profile="production", http_host="10.0.0.7")
    refusal(profile="production", http_host="ingest.example.org")


def test_production_accepts_a_public_bind_with_a_strong_token() -> None:
    s = Settings(profile="production", http_host="0.0.0.0", http_token=SecretStr(STRONG_TOKEN))
    assert s.http_token_value == STRONG_TOKEN


def test_production_workers_need_no_token_while_the_endpoint_stays_on_loopback() -> None:
    assert Settings(profile="production").http_token_value is None
    assert Settings(profile="production", http_host="::1").http_token_value is None


def test_local_profile_allows_a_public_bind_without_a_token() -> None:
    assert Settings(http_host="0.0.0.0").http_token_value is None


def test_an_empty_token_in_local_profile_means_auth_off() -> None:
    assert Settings(http_token="").http_token_value is None


def test_production_refuses_sasl_plain_over_an_unencrypted_connection() -> None:
    creds = {"kafka_sasl_username": "svc", "kafka_sasl_password": "pw"}
    assert "clear text" in refusal(profile="production", kafka_security_protocol="SASL_PLAINTEXT", **creds)
    s = Settings(profile="production", kafka_security_protocol="SASL_PLAINTEXT",
                 kafka_sasl_mechanism="SCRAM-SHA-256", **creds)
    assert s.kafka_sasl_mechanism == "SCRAM-SHA-256"
    assert Settings(kafka_security_protocol="SASL_PLAINTEXT", **creds).profile == "local"


def test_negative_rate_and_zero_burst_are_refused() -> None:
    refusal(http_rate_per_s=-1)
    refusal(http_rate_burst=0)


@pytest.mark.parametrize("host", ["127.0.0.1", "127.8.9.10", "::1", "[::1]", "localhost", "LOCALHOST"])
def test_loopback_hosts_are_recognised(host: str) -> None:
    assert is_loopback_host(host)


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.4", "example.org", ""])
def test_other_hosts_count_as_reachable_from_outside(host: str) -> None:
    assert not is_loopback_host(host)
