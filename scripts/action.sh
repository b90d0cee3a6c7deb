#!/usr/bin/env bash
# The scan step of the GitHub Action (action.yml): run `lexscribe scan` with the action's inputs
# (INPUT_*), write the text report to the log and the SARIF (and JUnit) files, and record the exit code
# and the SARIF file as step outputs. It exits 0 itself: the action's last step applies the exit code,
# after the SARIF has been uploaded.
set -uo pipefail

sarif="${INPUT_SARIF_FILE:-lexscribe.sarif}"
read -r -a paths <<< "${INPUT_PATH:-cdk.out}"
args=(scan "${paths[@]}" --fail-on "${INPUT_FAIL_ON:-high}" -f text -f sarif -o "$sarif")
if [ "${INPUT_FAIL_ON_UNKNOWN:-false}" = "true" ]; then args+=(--fail-on-unknown); fi
if [ -n "${INPUT_BASELINE:-}" ]; then args+=(--baseline "$INPUT_BASELINE"); fi
if [ -n "${INPUT_CONFIG:-}" ]; then args+=(--config "$INPUT_CONFIG"); fi
if [ -n "${INPUT_JUNIT_FILE:-}" ]; then args+=(-f junit -o "$INPUT_JUNIT_FILE"); fi
if [ -n "${INPUT_ARGS:-}" ]; then
  read -r -a extra <<< "$INPUT_ARGS"
  args+=("${extra[@]}")
fi

# Which lexscribe: the version asked for, else the project's own (node_modules/.bin here or in a
# parent directory, as in a monorepo), else this action's own version from npm.
own=""
dir="$PWD"
while [ -z "$own" ]; do
  if [ -x "$dir/node_modules/.bin/lexscribe" ]; then own="$dir/node_modules/.bin/lexscribe"; fi
  if [ "$dir" = "/" ]; then break; fi
  dir="$(dirname "$dir")"
done
if [ -n "${INPUT_VERSION:-}" ]; then
  lexscribe=(npx --yes "lexscribe@${INPUT_VERSION}")
elif [ -n "$own" ]; then
  lexscribe=("$own")
else
  lexscribe=(npx --yes "lexscribe@$(node -p "require(process.argv[1]).version" "${LEXSCRIBE_ACTION_PATH:?}/package.json")")
fi

"${lexscribe[@]}" "${args[@]}"
code=$?
echo "exit-code=$code" >> "${GITHUB_OUTPUT:?}"
if [ -f "$sarif" ]; then echo "sarif-file=$sarif" >> "$GITHUB_OUTPUT"; fi
exit 0
