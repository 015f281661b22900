#!/usr/bin/env bash
# Writes spoken placeholders for the recordings the dialplan plays, as 8 kHz mono WAV:
#   safe-harbour.wav  the message a callee hears when no agent was free in time
#   message.wav       the message left on answering machines (message-<campaign>.wav overrides it per campaign)
# Record your own and put them in the same folder (DIALER_SOUNDS_DIR in dialer_globals.conf).
# Needs espeak-ng and sox.   Usage: make-sounds.sh FOLDER ["company name"] ["opt-out number"]
set -euo pipefail
dir=${1:?usage: make-sounds.sh FOLDER [company] [opt-out number]}
company=${2:-our company}
optout=${3:-the number on your caller ID}
mkdir -p "$dir"
say() { # file text
  espeak-ng -v en-us -s 150 -w "$dir/.$1.tmp.wav" "$2"
  sox "$dir/.$1.tmp.wav" -r 8000 -c 1 -b 16 "$dir/$1.wav"
  rm -f "$dir/.$1.tmp.wav"
}
say safe-harbour "Hello, this is $company. We called to tell you about an offer, but nobody was free to take your call. To opt out of further calls, call $optout."
say message "Hello, this is $company with an offer for you. Please call us back at $optout."
echo "make-sounds: wrote $dir/safe-harbour.wav and $dir/message.wav"
