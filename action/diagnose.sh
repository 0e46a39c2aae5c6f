#!/usr/bin/env bash
# The Diagnose step of action.yml: each answers file diagnosed into its own SARIF file, GitHub
# annotations printed (the runner turns them into pull-request annotations), the Markdown step summary
# appended by filing-check itself, and the worst exit code exposed as the step's `exit-code` output.
set -u

cli="$GITHUB_ACTION_PATH/bin/filing-check.js"
read -r -d '' -a files <<<"$FC_ANSWERS"
if [ "${#files[@]}" -eq 0 ]; then
  echo "::error title=filing-check::the answers input is empty; name the answers file(s), e.g. filing.yaml"
  echo "exit-code=2" >>"$GITHUB_OUTPUT"
  exit 2
fi

worst=0
for file in "${files[@]}"; do
  dir="$FC_OUTPUT_DIR"
  # Several files: one folder each, named after the file's path so that none overwrites another.
  if [ "${#files[@]}" -gt 1 ]; then dir="$FC_OUTPUT_DIR/$(printf '%s' "$file" | tr '/\\' '__')"; fi
  node "$cli" diagnose "$file" --format "github,sarif${FC_FORMATS:+,$FC_FORMATS}" --out-dir "$dir" --force \
    --fail-on "$FC_FAIL_ON" --lang "$FC_LANG"
  code=$?
  [ -f "$dir/report.github.txt" ] && cat "$dir/report.github.txt"
  # Exit codes order by gravity: 2 (invalid input) over 1 (gaps) over 0.
  [ "$code" -gt "$worst" ] && worst=$code
done

if [ "${#files[@]}" -gt 1 ]; then sarif="$FC_OUTPUT_DIR"; else sarif="$FC_OUTPUT_DIR/report.sarif"; fi
{
  echo "exit-code=$worst"
  echo "sarif-file=$sarif"
} >>"$GITHUB_OUTPUT"
if [ "$FC_FAIL" = "true" ]; then exit "$worst"; fi
exit 0
