#!/usr/bin/env bash
# Installs the real tools physarch's integration tests use as judges, caching
# what can be cached under ${PHYSARCH_CACHE:-~/.cache/physarch} so that a second
# run on the same machine costs seconds. Works on a fresh machine too.
#
#   scripts/install-tools.sh [mermaid ...]
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

print_env() {
  if [ -x "$cache/mermaid-cli-12.2.0/node_modules/.bin/mmdc" ]; then
    echo "export PHYSARCH_MMDC=$cache/mermaid-cli-12.2.0/node_modules/.bin/mmdc"
    echo "export PHYSARCH_PUPPETEER_CONFIG=$cache/puppeteer.json"
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
    *) echo "install-tools: unknown tool $t (known: mermaid)" >&2; exit 2 ;;
  esac
done
print_env
