"""The deploy files stay valid offline: kustomize builds against Kubernetes schemas, Prometheus rules, Grafana, compose."""

from __future__ import annotations

import copy
import json
import os
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import kubernetes_validate  # type: ignore[import-untyped]
import pytest
import yaml  # type: ignore[import-untyped]
from prometheus_client.metrics import MetricWrapperBase
from typer.testing import CliRunner

from services.cli.main import cli
from services.common import metrics
from services.common.settings import REPO_ROOT, Settings

DEPLOY = REPO_ROOT / "deploy"
K8S = DEPLOY / "k8s"
KUSTOMIZATIONS = {"base": K8S / "base", "production": K8S / "overlays" / "production"}
PROMETHEUS = DEPLOY / "prometheus"
DASHBOARD = DEPLOY / "grafana" / "newsevents.json"

# A recent release that managed clusters run; kubernetes-validate ships its schemas offline.
K8S_VERSION = "1.33.0"
IMAGE = "newsevents:latest"
METRICS_PORT = 9101

# NEWSEVENTS_* variables the manifests set before Settings reads them; Settings ignores
# unknown variables (extra="ignore"), so these are harmless until the fields exist.
PENDING_SETTINGS = {
    # TODO(settings): Faust table_standby_replicas for the deduplicator StatefulSet.
    "NEWSEVENTS_TABLE_STANDBY_REPLICAS",
}

# Strategic-merge keys of the list fields the patches touch (as in the Kubernetes API);
# every other list is replaced whole, as kustomize does.
MERGE_KEYS = {
    "containers": "name",
    "initContainers": "name",
    "env": "name",
    "volumes": "name",
    "volumeMounts": "mountPath",
    "ports": "containerPort",
}
CLUSTER_SCOPED = {
    "Namespace",
    "PersistentVolume",
    "ClusterRole",
    "ClusterRoleBinding",
    "StorageClass",
}
WORKLOAD_KINDS = {"Deployment", "StatefulSet", "Job"}


# --- a small `kustomize build` -----------------------------------------------------------


def load_yaml_documents(path: Path) -> list[dict[str, Any]]:
    return [doc for doc in yaml.safe_load_all(path.read_text(encoding="utf-8")) if doc]


def resource_id(resource: dict[str, Any]) -> tuple[str, str]:
    return resource["kind"], resource["metadata"]["name"]


def strategic_merge(base: Any, patch: Any, field: str = "") -> Any:
    """Merge a patch into a resource: maps recursively, keyed lists by their merge key, other lists replaced."""
    if isinstance(base, dict) and isinstance(patch, dict):
        merged = dict(base)
        for key, value in patch.items():
            merged[key] = (
                strategic_merge(base[key], value, key)
                if key in base
                else copy.deepcopy(value)
            )
        return merged
    if isinstance(base, list) and isinstance(patch, list) and field in MERGE_KEYS:
        key = MERGE_KEYS[field]
        merged_list = [copy.deepcopy(item) for item in base]
        for item in patch:
            index = next(
                (
                    i
                    for i, old in enumerate(merged_list)
                    if old.get(key) == item.get(key)
                ),
                None,
            )
            if index is None:
                merged_list.append(copy.deepcopy(item))
            else:
                merged_list[index] = strategic_merge(merged_list[index], item)
        return merged_list
    return copy.deepcopy(patch)


def kustomize_files(directory: Path) -> Iterator[Path]:
    """Every file a kustomization (and the ones it includes) reads, itself included."""
    yield directory / "kustomization.yaml"
    spec = load_yaml_documents(directory / "kustomization.yaml")[0]
    for entry in spec.get("resources", []):
        path = (directory / entry).resolve()
        if path.is_dir():
            yield from kustomize_files(path)
        else:
            yield path
    for patch in spec.get("patches", []):
        yield (directory / patch["path"]).resolve()


def kustomize_build(directory: Path) -> list[dict[str, Any]]:
    spec = load_yaml_documents(directory / "kustomization.yaml")[0]
    assert spec["kind"] == "Kustomization", directory
    assert set(spec) <= {
        "apiVersion",
        "kind",
        "namespace",
        "resources",
        "patches",
        "images",
    }, (
        f"{directory}: this test's build understands only these fields; teach it the new one"
    )
    resources: list[dict[str, Any]] = []
    for entry in spec.get("resources", []):
        path = directory / entry
        resources += (
            kustomize_build(path) if path.is_dir() else load_yaml_documents(path)
        )
    ids = [resource_id(r) for r in resources]
    assert len(ids) == len(set(ids)), f"{directory}: duplicate resources {ids}"
    for patch_entry in spec.get("patches", []):
        for patch in load_yaml_documents(directory / patch_entry["path"]):
            index = next(
                (
                    i
                    for i, r in enumerate(resources)
                    if resource_id(r) == resource_id(patch)
                ),
                None,
            )
            assert index is not None, (
                f"{patch_entry['path']} patches {resource_id(patch)}, which is not there"
            )
            assert patch["apiVersion"] == resources[index]["apiVersion"], patch_entry[
                "path"
            ]
            resources[index] = strategic_merge(resources[index], patch)
    for resource in resources:
        if "namespace" in spec and resource["kind"] not in CLUSTER_SCOPED:
            resource["metadata"]["namespace"] = spec["namespace"]
        for container in containers_of(resource):
            for image in spec.get("images", []):
                if container["image"] == image["name"]:
                    container["image"] = (
                        f"{image.get('newName', image['name'])}:{image['newTag']}"
                    )
    return resources


def pod_spec(resource: dict[str, Any]) -> dict[str, Any] | None:
    if resource["kind"] in WORKLOAD_KINDS:
        spec: dict[str, Any] = resource["spec"]["template"]["spec"]
        return spec
    return None


def containers_of(resource: dict[str, Any]) -> list[dict[str, Any]]:
    spec = pod_spec(resource)
    if spec is None:
        return []
    return [*spec.get("initContainers", []), *spec["containers"]]


def by_kind(resources: list[dict[str, Any]], kind: str) -> dict[str, dict[str, Any]]:
    return {r["metadata"]["name"]: r for r in resources if r["kind"] == kind}


def container_environment(
    resources: list[dict[str, Any]], container: dict[str, Any]
) -> dict[str, Any]:
    """NEWSEVENTS_* the container sees: its ConfigMaps, then its env (values or valueFrom)."""
    config_maps = by_kind(resources, "ConfigMap")
    environment: dict[str, Any] = {}
    for source in container.get("envFrom", []):
        environment.update(config_maps[source["configMapRef"]["name"]]["data"])
    for variable in container.get("env", []):
        environment[variable["name"]] = variable.get("value", variable.get("valueFrom"))
    return environment


@pytest.fixture(scope="module", params=sorted(KUSTOMIZATIONS))
def built(request: pytest.FixtureRequest) -> tuple[str, list[dict[str, Any]]]:
    return request.param, kustomize_build(KUSTOMIZATIONS[request.param])


# --- Kubernetes ---------------------------------------------------------------------------


def test_every_built_resource_validates_against_the_kubernetes_schema(
    built: tuple[str, list[dict[str, Any]]],
) -> None:
    name, resources = built
    errors = []
    for resource in resources:
        try:
            # strict: unknown fields (typos) are errors too, not silently dropped by the API.
            kubernetes_validate.validate(resource, K8S_VERSION, strict=True)
        except (
            kubernetes_validate.ValidationError,
            kubernetes_validate.SchemaNotFoundError,
        ) as e:
            errors.append(f"{name} {resource_id(resource)}: {getattr(e, 'message', e)}")
    assert not errors, "\n".join(errors)
    kinds = {r["kind"] for r in resources}
    assert {
        "ConfigMap",
        "Deployment",
        "HorizontalPodAutoscaler",
        "StatefulSet",
        "Job",
        "Service",
    } <= kinds


def test_every_yaml_file_under_k8s_is_used_by_a_kustomization() -> None:
    used = {
        path
        for directory in KUSTOMIZATIONS.values()
        for path in kustomize_files(directory)
    }
    on_disk = {path.resolve() for path in K8S.rglob("*.yaml")}
    assert on_disk - used == set(), "files no kustomization reads"
    assert used - on_disk == set(), "files a kustomization names that do not exist"


def test_workloads_run_the_repo_image_with_commands_the_cli_accepts(
    built: tuple[str, list[dict[str, Any]]],
) -> None:
    _, resources = built
    assert 'ENTRYPOINT ["newsevents"]' in (REPO_ROOT / "Dockerfile").read_text(
        encoding="utf-8"
    )
    runner = CliRunner()
    commands = []
    for resource in resources:
        for container in containers_of(resource):
            assert container["image"] == IMAGE, resource_id(resource)
            assert "command" not in container, (
                "the image's ENTRYPOINT is the CLI; pass args only"
            )
            # --help makes click parse every argument and option, then exit before running.
            result = runner.invoke(cli, [*container["args"], "--help"])
            assert result.exit_code == 0, (
                f"{resource_id(resource)} {container['args']}: {result.output}"
            )
            commands.append(container["args"][:2])
    assert ["worker", "extractor"] in commands
    assert ["worker", "deduplicator"] in commands
    assert ["topics", "create"] in commands


def test_manifests_set_only_settings_that_exist(
    built: tuple[str, list[dict[str, Any]]],
) -> None:
    _, resources = built
    known = {
        f"NEWSEVENTS_{field.upper()}" for field in Settings.model_fields
    } | PENDING_SETTINGS
    for resource in resources:
        for container in containers_of(resource):
            names = set(container_environment(resources, container))
            assert names - known == set(), (
                f"{resource_id(resource)} sets unknown settings"
            )


def test_settings_accept_the_environment_of_every_container(
    built: tuple[str, list[dict[str, Any]]],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    _, resources = built
    for resource in resources:
        spec = pod_spec(resource)
        if spec is None:
            continue
        secret_volumes = {v["name"] for v in spec.get("volumes", []) if "secret" in v}
        for container in containers_of(resource):
            secret_dirs = [
                m["mountPath"]
                for m in container.get("volumeMounts", [])
                if m["name"] in secret_volumes
            ]
            for name in [n for n in os.environ if n.startswith("NEWSEVENTS_")]:
                monkeypatch.delenv(name)
            for name, value in container_environment(resources, container).items():
                if isinstance(value, dict):
                    value = f"placeholder-for-{name.lower()}"  # a Secret's value, unknown here
                elif any(str(value).startswith(d + "/") for d in secret_dirs):
                    # A file mounted from a Secret: settings may check that it exists.
                    value = str(tmp_path / Path(value).name)
                    Path(value).write_text(
                        "-----BEGIN CERTIFICATE-----\n", encoding="utf-8"
                    )
                monkeypatch.setenv(name, str(value))
            settings = Settings()
            mounts = {m["mountPath"] for m in container.get("volumeMounts", [])}
            if container["args"][0] == "worker":
                assert str(settings.data_dir) in mounts, (
                    f"{resource_id(resource)}: data dir not a volume"
                )


def test_extractor_requests_what_a_worker_measurably_needs() -> None:
    resources = kustomize_build(KUSTOMIZATIONS["base"])
    extractor = by_kind(resources, "Deployment")["newsevents-extractor"]
    (container,) = extractor["spec"]["template"]["spec"]["containers"]
    assert container["resources"] == {
        "requests": {"cpu": "500m", "memory": "300Mi"},
        "limits": {"memory": "1Gi"},
    }
    assert container["args"] == [
        "worker",
        "extractor",
        "--metrics-port",
        str(METRICS_PORT),
    ]


def test_extractor_autoscales_on_consumer_lag_up_to_the_partitions_of_articles(
    built: tuple[str, list[dict[str, Any]]],
) -> None:
    _, resources = built
    topics = tomllib.loads((DEPLOY / "topics.toml").read_text(encoding="utf-8"))[
        "topics"
    ]
    hpa = by_kind(resources, "HorizontalPodAutoscaler")["newsevents-extractor"]
    assert hpa["spec"]["scaleTargetRef"] == {
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "name": "newsevents-extractor",
    }
    assert hpa["spec"]["maxReplicas"] == topics["articles.v1"]["partitions"]
    (metric,) = hpa["spec"]["metrics"]
    assert metric["type"] == "External"
    assert metric["external"]["metric"]["name"] == metrics.CONSUMER_LAG._name
    assert metric["external"]["metric"]["selector"]["matchLabels"] == {
        "app": "extractor",
        "topic": "articles.v1",
    }
    assert (
        "replicas"
        not in by_kind(resources, "Deployment")["newsevents-extractor"]["spec"]
    ), "the HPA owns the extractor's replica count"


def test_deduplicator_keeps_rocksdb_tables_on_a_claimed_volume_at_the_data_dir(
    built: tuple[str, list[dict[str, Any]]],
) -> None:
    _, resources = built
    topics = tomllib.loads((DEPLOY / "topics.toml").read_text(encoding="utf-8"))[
        "topics"
    ]
    dedup = by_kind(resources, "StatefulSet")["newsevents-deduplicator"]
    assert dedup["spec"]["serviceName"] in by_kind(resources, "Service")
    assert 1 <= dedup["spec"]["replicas"] <= topics["mentions.v1"]["partitions"]
    (container,) = dedup["spec"]["template"]["spec"]["containers"]
    environment = container_environment(resources, container)
    assert environment["NEWSEVENTS_TABLE_STORE"] == "rocksdb://"
    assert "NEWSEVENTS_TABLE_STANDBY_REPLICAS" in environment
    claims = {t["metadata"]["name"] for t in dedup["spec"]["volumeClaimTemplates"]}
    data_mount = next(
        m
        for m in container["volumeMounts"]
        if m["mountPath"] == environment["NEWSEVENTS_DATA_DIR"]
    )
    assert data_mount["name"] in claims


def test_workers_expose_metrics_where_their_scrape_annotations_say(
    built: tuple[str, list[dict[str, Any]]],
) -> None:
    _, resources = built
    workers = [r for r in resources if r["kind"] in {"Deployment", "StatefulSet"}]
    assert len(workers) == 2
    for worker in workers:
        annotations = worker["spec"]["template"]["metadata"]["annotations"]
        (container,) = worker["spec"]["template"]["spec"]["containers"]
        assert annotations["prometheus.io/scrape"] == "true"
        assert annotations["prometheus.io/port"] == str(METRICS_PORT)
        assert container["args"][-2:] == ["--metrics-port", str(METRICS_PORT)]
        assert {
            "name": "metrics",
            "containerPort": METRICS_PORT,
            "protocol": "TCP",
        } in container["ports"]
    service = by_kind(resources, "Service")["newsevents-metrics"]
    labels = [w["spec"]["template"]["metadata"]["labels"] for w in workers]
    assert all(service["spec"]["selector"].items() <= label.items() for label in labels)


def test_production_overlay_is_sasl_ssl_replicated_and_reads_secrets_by_name_only() -> (
    None
):
    resources = kustomize_build(KUSTOMIZATIONS["production"])
    assert "Secret" not in {r["kind"] for r in resources}, (
        "secret values never live in the repo"
    )
    config = by_kind(resources, "ConfigMap")["newsevents-config"]["data"]
    assert config["NEWSEVENTS_PROFILE"] == "production"
    assert config["NEWSEVENTS_TOPIC_REPLICATION"] == "3"
    assert config["NEWSEVENTS_KAFKA_SECURITY_PROTOCOL"] == "SASL_SSL"
    assert len(config["NEWSEVENTS_KAFKA_BOOTSTRAP"].split(",")) >= 3
    assert not [key for key in config if re.search("PASSWORD|TOKEN|USERNAME", key)]
    for resource in resources:
        for container in containers_of(resource):
            env = {v["name"]: v for v in container.get("env", [])}
            for name in (
                "NEWSEVENTS_KAFKA_SASL_USERNAME",
                "NEWSEVENTS_KAFKA_SASL_PASSWORD",
            ):
                assert "secretKeyRef" in env[name]["valueFrom"], (
                    f"{resource_id(resource)} {name}"
                )
            secrets = [n for n in env if re.search("PASSWORD|TOKEN|USERNAME|KEY", n)]
            assert all("value" not in env[n] for n in secrets), resource_id(resource)


def test_production_overlay_changes_replicas_and_resources_of_the_base() -> None:
    base = kustomize_build(KUSTOMIZATIONS["base"])
    production = kustomize_build(KUSTOMIZATIONS["production"])
    for kind, name in (
        ("Deployment", "newsevents-extractor"),
        ("StatefulSet", "newsevents-deduplicator"),
    ):
        before = by_kind(base, kind)[name]["spec"]["template"]["spec"]["containers"][0]
        after = by_kind(production, kind)[name]["spec"]["template"]["spec"][
            "containers"
        ][0]
        assert after["resources"] != before["resources"]
        assert after["args"] == before["args"], (
            "patches merge containers by name, never replace them"
        )
    assert (
        by_kind(production, "StatefulSet")["newsevents-deduplicator"]["spec"][
            "replicas"
        ]
        > 1
    )
    hpa = by_kind(production, "HorizontalPodAutoscaler")["newsevents-extractor"]["spec"]
    assert hpa["minReplicas"] > 1


# --- Prometheus and Grafana ---------------------------------------------------------------

# Labels Prometheus adds to every series of a target (prometheus.yml) and PromQL's bucket label.
TARGET_LABELS = {"job", "instance", "namespace", "pod", "component"}


def exposed_series() -> dict[str, set[str]]:
    """Series name on the wire → its labels, from the metric objects of services/common/metrics.py."""
    series: dict[str, set[str]] = {}
    for metric in vars(metrics).values():
        if not isinstance(metric, MetricWrapperBase):
            continue
        labels = set(metric._labelnames)
        suffixes = {
            "counter": ["_total", "_created"],
            "gauge": [""],
            "histogram": ["_count", "_sum", "_created"],
        }
        for suffix in suffixes[str(metric._type)]:
            series[metric._name + suffix] = labels
        if metric._type == "histogram":
            series[metric._name + "_bucket"] = labels | {"le"}
    return series


def promql_problems(expr: str) -> list[str]:
    """Unknown newsevents series, and label names a selector or `by` uses that its series lack."""
    series = exposed_series()
    problems = []
    used: set[str] = {"le"} | TARGET_LABELS
    for match in re.finditer(r"\b(newsevents_[a-z0-9_]+)(\{[^}]*\})?", expr):
        name, selector = match.group(1), match.group(2) or ""
        if name not in series:
            problems.append(f"no series {name}")
            continue
        used |= series[name]
        for label in re.findall(r"(\w+)\s*(?:=~|!~|!=|=)", selector):
            if label not in series[name] | TARGET_LABELS:
                problems.append(f"{name} has no label {label}")
    for group in re.findall(r"\bby\s*\(([^)]*)\)", expr):
        for label in (part.strip() for part in group.split(",")):
            if label and label not in used:
                problems.append(f"grouping by unknown label {label}")
    return problems


def alert_rules() -> list[dict[str, Any]]:
    document = yaml.safe_load((PROMETHEUS / "alerts.yml").read_text(encoding="utf-8"))
    return [rule for group in document["groups"] for rule in group["rules"]]


def dashboard_panels() -> list[dict[str, Any]]:
    dashboard = json.loads(DASHBOARD.read_text(encoding="utf-8"))
    return [p for p in dashboard["panels"] if p["type"] != "row"]


def test_prometheus_config_scrapes_both_workers_locally_and_on_kubernetes() -> None:
    config = yaml.safe_load((PROMETHEUS / "prometheus.yml").read_text(encoding="utf-8"))
    assert all((PROMETHEUS / name).is_file() for name in config["rule_files"])
    jobs = {job["job_name"]: job for job in config["scrape_configs"]}
    local = {
        group["labels"]["component"]: group["targets"]
        for group in jobs["newsevents-local"]["static_configs"]
    }
    # `make workers` serves the extractor's metrics on 9101 and the deduplicator's on the next port.
    assert "port=9101" in (REPO_ROOT / "Makefile").read_text(encoding="utf-8")
    assert local == {
        "extractor": ["127.0.0.1:9101"],
        "deduplicator": ["127.0.0.1:9102"],
    }
    (discovery,) = jobs["newsevents-k8s"]["kubernetes_sd_configs"]
    assert discovery["role"] == "pod"
    assert discovery["namespaces"]["names"] == ["newsevents"]


def test_alert_rules_cover_lag_dead_letters_worker_down_and_silence() -> None:
    rules = {rule["alert"]: rule for rule in alert_rules()}
    assert set(rules) == {
        "NewsEventsConsumerLagGrowing",
        "NewsEventsDeadLetterRateHigh",
        "NewsEventsWorkerDown",
        "NewsEventsNoArticlesConsumed",
    }
    assert rules["NewsEventsConsumerLagGrowing"]["for"] == "10m"
    assert "[10m]" in rules["NewsEventsConsumerLagGrowing"]["expr"]
    assert "[15m]" in rules["NewsEventsNoArticlesConsumed"]["expr"]
    for rule in rules.values():
        assert rule["labels"]["severity"] in {"warning", "critical"}
        assert rule["annotations"]["summary"]
    # Their behaviour is checked by `promtool test rules`; keep that file covering every alert.
    behaviour = yaml.safe_load(
        (PROMETHEUS / "alerts_test.yml").read_text(encoding="utf-8")
    )
    assert behaviour["rule_files"] == ["alerts.yml"]
    tested = {
        case["alertname"]
        for test in behaviour["tests"]
        for case in test["alert_rule_test"]
    }
    assert tested == set(rules)


def test_every_query_in_alerts_dashboard_and_adapter_uses_real_series_and_labels() -> (
    None
):
    adapter = yaml.safe_load(
        (PROMETHEUS / "adapter-rules.yaml").read_text(encoding="utf-8")
    )
    queries = [rule["expr"] for rule in alert_rules()]
    queries += [
        target["expr"] for panel in dashboard_panels() for target in panel["targets"]
    ]
    queries += [rule["seriesQuery"] for rule in adapter["rules"]["external"]]
    for rule in adapter["rules"]["external"]:
        # The adapter fills in the series of seriesQuery and the HPA's label matchers.
        series = re.match(r"[a-z0-9_]+", rule["seriesQuery"])
        assert series is not None
        queries.append(
            rule["metricsQuery"]
            .replace("<<.Series>>", series.group())
            .replace("{<<.LabelMatchers>>}", "")
        )
    problems = {query: promql_problems(query) for query in queries}
    assert {query: p for query, p in problems.items() if p} == {}


def test_grafana_dashboard_has_a_query_in_every_panel_and_unique_ids() -> None:
    dashboard = json.loads(DASHBOARD.read_text(encoding="utf-8"))
    ids = [panel["id"] for panel in dashboard["panels"]]
    assert len(ids) == len(set(ids))
    titles = " ".join(panel["title"].lower() for panel in dashboard_panels())
    for subject in (
        "consumed per topic",
        "lag per partition",
        "dead letters",
        "latency",
        "table keys",
    ):
        assert subject in titles
    for panel in dashboard_panels():
        assert panel["targets"] and all(
            target["expr"] for target in panel["targets"]
        ), panel["title"]
    quantiles = {
        q
        for panel in dashboard_panels()
        for t in panel["targets"]
        for q in re.findall(r"histogram_quantile\((0\.\d+)", t["expr"])
    }
    assert quantiles == {"0.5", "0.95", "0.99"}


# --- docker-compose -----------------------------------------------------------------------


def test_docker_compose_parses_and_runs_the_kafka_version_of_the_local_broker() -> None:
    compose = yaml.safe_load(
        (REPO_ROOT / "docker-compose.yml").read_text(encoding="utf-8")
    )
    pinned = re.search(
        r"^KAFKA_VERSION=(\S+)$",
        (DEPLOY / "kafka" / "kafka.sh").read_text(encoding="utf-8"),
        re.MULTILINE,
    )
    assert pinned is not None
    services = compose["services"]
    assert services["kafka"]["image"] == f"apache/kafka:{pinned.group(1)}"
    assert {"topics", "extractor", "deduplicator"} <= set(services)
    for name in ("topics", "extractor", "deduplicator"):
        assert services[name]["build"] == "."
        result = CliRunner().invoke(cli, [*services[name]["command"], "--help"])
        assert result.exit_code == 0, f"{name}: {result.output}"
