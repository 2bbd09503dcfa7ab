#!/usr/bin/env bash
# Deploys every built cloud function to the CloudBase environment named by TCB_ENV_ID.
# Log in first (once per machine): npx @cloudbase/cli login  — or set TENCENTCLOUD_SECRETID/SECRETKEY.
set -euo pipefail
: "${TCB_ENV_ID:?Set TCB_ENV_ID to your CloudBase environment id}"
npm run build:weapp
npm run build:functions
for dir in build/functions/*/; do
  name=$(basename "$dir")
  echo "Deploying $name to $TCB_ENV_ID…"
  npx --yes @cloudbase/cli@2 fn deploy "$name" --force --dir "$dir" -e "$TCB_ENV_ID"
done
echo "Functions deployed. Open the project in WeChat DevTools (project.config.json points at dist/weapp) and upload the mini-program there."
