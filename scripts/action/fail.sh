#!/usr/bin/env bash
# The last step of action.yml, run when the scan found something at or above fail-on: fails the
# job, after the SARIF upload and the pull-request summary have run.
echo "::error title=srlens scan::findings at or above '${SRLENS_FAIL_ON:-error}': see the scan step's log, or code scanning."
exit 1
