namespace Ceiba.AppHost.Runtimes.Fabric;

/// <summary>
/// The fixed part of the network setup script: bash functions that join, install, approve and commit, each
/// checking first whether the step is already done (so the script can run again after a restart) and retrying
/// while the nodes are still starting, then failing loudly with the node's own answer.
/// </summary>
internal static class NetworkSetupFunctions
{
    /// <summary>The function definitions; they read ORDERER_*, PEER_*, ORG_ADMIN_MSP and COMMIT_PEERS set by the generated part.</summary>
    public const string Text = """
        log() { printf '[network-setup] %s\n' "$*"; }
        fail() { printf '[network-setup] ERROR: %s\n' "$*" >&2; exit 1; }
        first_line() { printf '%s' "${1%%$'\n'*}"; }

        # peer_as <peer> <peer CLI args...>: runs the peer CLI as the peer org's admin against that peer.
        peer_as() {
          local node=$1
          shift
          local msp_id=${PEER_MSP_ID[$node]}
          CORE_PEER_LOCALMSPID=$msp_id \
          CORE_PEER_MSPCONFIGPATH=${ORG_ADMIN_MSP[$msp_id]} \
          CORE_PEER_ADDRESS=${PEER_ADDRESS[$node]} \
          CORE_PEER_TLS_ENABLED=true \
          CORE_PEER_TLS_ROOTCERT_FILE=${PEER_TLS_CA[$node]} \
            peer "$@"
        }

        # osnadmin_as <orderer> <osnadmin channel args...>: calls the orderer's admin endpoint with the orderer admin's TLS client certificate.
        osnadmin_as() {
          local node=$1 command=$2
          shift 2
          osnadmin channel "$command" -o "${ORDERER_ADMIN_ADDRESS[$node]}" \
            --ca-file "$ORDERER_TLS_CA" --client-cert "$ORDERER_ADMIN_TLS_CERT" --client-key "$ORDERER_ADMIN_TLS_KEY" "$@"
        }

        # join_orderer <orderer> <channel> <genesis block>: osnadmin channel join unless the orderer already has the channel.
        join_orderer() {
          local node=$1 channel=$2 block=$3 output="" attempt
          for ((attempt = 1; ; attempt++)); do
            if output=$(osnadmin_as "$node" list --channelID "$channel" 2>&1); then
              case $(first_line "$output") in
                "Status: 200") log "$node already serves $channel"; return 0 ;;
                "Status: 404") break ;;
              esac
            fi
            ((attempt < ATTEMPTS)) || fail "$node admin endpoint ${ORDERER_ADMIN_ADDRESS[$node]} did not answer: $output"
            log "waiting for $node admin endpoint ($attempt/$ATTEMPTS): $(first_line "$output")"
            sleep "$DELAY"
          done
          output=$(osnadmin_as "$node" join --channelID "$channel" --config-block "$block" 2>&1) || fail "$node could not join $channel: $output"
          [[ $(first_line "$output") == "Status: 201" ]] || fail "$node could not join $channel: $output"
          log "$node joined $channel"
        }

        # join_peer <peer> <channel> <genesis block>: peer channel join unless the peer already lists the channel.
        join_peer() {
          local node=$1 channel=$2 block=$3 output="" attempt
          for ((attempt = 1; ; attempt++)); do
            if output=$(peer_as "$node" channel list 2>&1); then
              break
            fi
            ((attempt < ATTEMPTS)) || fail "$node at ${PEER_ADDRESS[$node]} did not answer: $output"
            log "waiting for $node ($attempt/$ATTEMPTS)"
            sleep "$DELAY"
          done
          if grep -qx -- "$channel" <<<"$output"; then
            log "$node already joined $channel"
            return 0
          fi
          output=$(peer_as "$node" channel join -b "$block" 2>&1) || fail "$node could not join $channel: $output"
          log "$node joined $channel"
        }

        # install_package <peer> <package file> <package id>: installs the CCaaS package unless queryinstalled lists its id.
        install_package() {
          local node=$1 file=$2 package_id=$3 installed="" output=""
          installed=$(peer_as "$node" lifecycle chaincode queryinstalled 2>&1) || fail "$node queryinstalled failed: $installed"
          if [[ $installed == *"Package ID: $package_id,"* ]]; then
            log "$node already has $package_id"
            return 0
          fi
          output=$(peer_as "$node" lifecycle chaincode install "$file" 2>&1) || fail "$node could not install $file: $output"
          installed=$(peer_as "$node" lifecycle chaincode queryinstalled 2>&1) || fail "$node queryinstalled failed: $installed"
          [[ $installed == *"Package ID: $package_id,"* ]] || fail "$node installed $file but queryinstalled does not list $package_id: $installed"
          log "$node installed $package_id"
        }

        # approve_definition <peer> <package id or ''> <channel> <name> <sequence> <definition flags...>: approveformyorg for the peer's org.
        approve_definition() {
          local node=$1 package_id=$2 channel=$3 name=$4 sequence=$5 approved="" output="" attempt
          shift 5
          local package_flags=()
          [[ -z $package_id ]] || package_flags=(--package-id "$package_id")
          for ((attempt = 1; ; attempt++)); do
            if approved=$(peer_as "$node" lifecycle chaincode queryapproved --channelID "$channel" --name "$name" --sequence "$sequence" 2>&1); then
              if [[ -z $package_id || $approved == *"package-id: $package_id,"* ]]; then
                log "${PEER_MSP_ID[$node]} has approved $name sequence $sequence"
                return 0
              fi
              fail "${PEER_MSP_ID[$node]} approved $name sequence $sequence with another package ($approved); raise the chaincode's sequence in the topology"
            fi
            if output=$(peer_as "$node" lifecycle chaincode approveformyorg -o "$ORDERER_ADDRESS" --tls --cafile "$ORDERER_TLS_CA" \
                --channelID "$channel" --name "$name" --sequence "$sequence" "$@" ${package_flags[@]+"${package_flags[@]}"} 2>&1); then
              continue
            fi
            ((attempt < ATTEMPTS)) || fail "${PEER_MSP_ID[$node]} could not approve $name: $output"
            log "approve $name for ${PEER_MSP_ID[$node]} failed ($attempt/$ATTEMPTS): $(first_line "$output")"
            sleep "$DELAY"
          done
        }

        # commit_definition <peer> <channel> <name> <sequence> <definition flags...>: commits once every org approved, endorsed by COMMIT_PEERS.
        commit_definition() {
          local node=$1 channel=$2 name=$3 sequence=$4 committed="" readiness="" output="" attempt
          shift 4
          for ((attempt = 1; ; attempt++)); do
            if committed=$(peer_as "$node" lifecycle chaincode querycommitted --channelID "$channel" --name "$name" 2>&1) \
                && [[ $committed =~ Sequence:\ ([0-9]+) ]] && ((BASH_REMATCH[1] >= sequence)); then
              log "$name sequence ${BASH_REMATCH[1]} is committed on $channel"
              return 0
            fi
            ((attempt < ATTEMPTS)) || fail "could not commit $name sequence $sequence on $channel: ${output:-$readiness}"
            output=""
            readiness=$(peer_as "$node" lifecycle chaincode checkcommitreadiness --channelID "$channel" --name "$name" --sequence "$sequence" "$@" --output json 2>&1) || true
            if [[ $readiness == *'"approvals"'* && ! $readiness =~ :[[:space:]]*false ]]; then
              output=$(peer_as "$node" lifecycle chaincode commit -o "$ORDERER_ADDRESS" --tls --cafile "$ORDERER_TLS_CA" \
                --channelID "$channel" --name "$name" --sequence "$sequence" "$@" "${COMMIT_PEERS[@]}" 2>&1) && continue
            fi
            log "waiting to commit $name ($attempt/$ATTEMPTS): $(first_line "${output:-$readiness}")"
            sleep "$DELAY"
          done
        }
        """;
}
