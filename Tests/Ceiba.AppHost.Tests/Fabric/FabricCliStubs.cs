namespace Ceiba.AppHost.Tests.Fabric;

/// <summary>
/// Stand-ins for the <c>peer</c> and <c>osnadmin</c> CLIs, for running the generated setup script without Fabric:
/// they keep channel, install, approval and commit state in files, print the answers in the shape the Fabric 2.5
/// CLIs print them, and log every call. Packages are read for real (tar, sha256sum) through STUB_SETUP_DIR.
/// </summary>
internal sealed class FabricCliStubs : IDisposable
{
    private const string Osnadmin = """
        #!/usr/bin/env bash
        set -euo pipefail
        echo "osnadmin $*" >> "$STUB_STATE/calls"
        [[ $1 == channel ]] || { echo "unexpected: $*" >&2; exit 2; }
        command=$2; shift 2
        address="" channel="" block="" cafile="" cert="" key=""
        while (($#)); do
          case $1 in
            -o) address=$2 ;; --channelID) channel=$2 ;; --config-block) block=$2 ;;
            --ca-file) cafile=$2 ;; --client-cert) cert=$2 ;; --client-key) key=$2 ;;
            *) echo "unknown flag $1" >&2; exit 2 ;;
          esac
          shift 2
        done
        [[ -n $address && -n $cafile && -n $cert && -n $key && -n $channel ]] || { echo "missing flags" >&2; exit 2; }
        state="$STUB_STATE/osn/$address"
        mkdir -p "$state"
        case $command in
          list) if [[ -e $state/$channel ]]; then printf 'Status: 200\n{"name":"%s"}\n' "$channel"; else printf 'Status: 404\n{"error":"not found"}\n'; fi ;;
          join)
            [[ $block == *"/$channel.block" ]] || { echo "wrong block $block" >&2; exit 2; }
            if [[ -e $state/$channel ]]; then printf 'Status: 405\n{"error":"exists"}\n'; else touch "$state/$channel"; printf 'Status: 201\n{"name":"%s"}\n' "$channel"; fi ;;
          *) echo "unexpected command $command" >&2; exit 2 ;;
        esac
        """;

    private const string Peer = """
        #!/usr/bin/env bash
        set -euo pipefail
        echo "peer $CORE_PEER_ADDRESS $CORE_PEER_LOCALMSPID $*" >> "$STUB_STATE/calls"
        [[ -n $CORE_PEER_MSPCONFIGPATH && -n $CORE_PEER_TLS_ROOTCERT_FILE && $CORE_PEER_TLS_ENABLED == true ]] || { echo "peer env incomplete" >&2; exit 2; }
        peer_state="$STUB_STATE/peer/$CORE_PEER_ADDRESS"
        mkdir -p "$peer_state/channels" "$peer_state/installed"
        flag() { local name=$1; shift; while (($#)); do if [[ $1 == "$name" ]]; then echo "$2"; return; fi; shift; done; }
        count() { local name=$1 n=0; shift; for a in "$@"; do [[ $a == "$name" ]] && n=$((n+1)); done; echo $n; }
        case "$1 $2" in
          "channel list") echo "Channels peers has joined: "; ls "$peer_state/channels" ;;
          "channel join")
            block=$(flag -b "$@"); channel=$(basename "$block" .block)
            [[ -n ${STUB_FAIL_JOIN:-} ]] && { echo "Error: proposal failed (err: rpc error)" >&2; exit 1; }
            [[ -e $peer_state/channels/$channel ]] && { echo "Error: ledger [$channel] already exists" >&2; exit 1; }
            touch "$peer_state/channels/$channel" ;;
          "lifecycle chaincode")
            sub=$3
            case $sub in
              queryinstalled) echo "Installed chaincodes on peer:"; for f in "$peer_state"/installed/*; do [[ -e $f ]] && cat "$f"; done; true ;;
              install)
                file="$STUB_SETUP_DIR/${4#/opt/ceiba/setup/}"
                label=$(tar -xzOf "$file" metadata.json | sed -n 's/.*"label": *"\([^"]*\)".*/\1/p')
                tar -xzOf "$file" code.tar.gz | tar -xzO connection.json | grep -q '"address"' || { echo "no connection.json" >&2; exit 1; }
                id="$label:$(sha256sum "$file" | cut -d' ' -f1)"
                echo "Package ID: $id, Label: $label" > "$peer_state/installed/$label-$(sha256sum "$file" | cut -c1-12)"
                echo "Chaincode code package identifier: $id" ;;
              queryapproved)
                f="$STUB_STATE/approved/$CORE_PEER_LOCALMSPID/$(flag --channelID "$@")/$(flag --name "$@")/$(flag --sequence "$@")"
                [[ -e $f ]] || { echo "Error: could not query approved definition" >&2; exit 1; }
                printf "Approved chaincode definition for chaincode '%s' on channel '%s':\nsequence: %s, version: 1.0, init-required: false, package-id: %s, endorsement plugin: escc, validation plugin: vscc\n" \
                  "$(flag --name "$@")" "$(flag --channelID "$@")" "$(flag --sequence "$@")" "$(cat "$f")" ;;
              approveformyorg)
                [[ -n $(flag -o "$@") && -n $(flag --cafile "$@") && -n $(flag --version "$@") ]] || { echo "approve flags missing" >&2; exit 2; }
                f="$STUB_STATE/approved/$CORE_PEER_LOCALMSPID/$(flag --channelID "$@")/$(flag --name "$@")/$(flag --sequence "$@")"
                mkdir -p "$(dirname "$f")"; flag --package-id "$@" > "$f"; echo "$CORE_PEER_LOCALMSPID" >> "$STUB_STATE/approvals" ;;
              checkcommitreadiness)
                printf '{\n\t"approvals": {\n'
                for msp in $STUB_ORGS; do
                  if [[ -e "$STUB_STATE/approved/$msp/$(flag --channelID "$@")/$(flag --name "$@")/$(flag --sequence "$@")" ]]; then v=true; else v=false; fi
                  printf '\t\t"%s": %s,\n' "$msp" "$v"
                done
                printf '\t}\n}\n' ;;
              commit)
                peers=$(count --peerAddresses "$@"); roots=$(count --tlsRootCertFiles "$@")
                [[ $peers == "$(wc -w <<<"$STUB_ORGS")" && $roots == "$peers" ]] || { echo "commit needs one peer per org, got $peers" >&2; exit 1; }
                echo "$(flag --sequence "$@")" > "$STUB_STATE/committed-$(flag --channelID "$@")-$(flag --name "$@")" ;;
              querycommitted)
                f="$STUB_STATE/committed-$(flag --channelID "$@")-$(flag --name "$@")"
                [[ -e $f ]] || { echo "Error: namespace not defined" >&2; exit 1; }
                printf "Committed chaincode definition for chaincode '%s' on channel '%s':\nVersion: 1.0, Sequence: %s, Endorsement Plugin: escc, Validation Plugin: vscc\n" \
                  "$(flag --name "$@")" "$(flag --channelID "$@")" "$(cat "$f")" ;;
              *) echo "unexpected lifecycle command $sub" >&2; exit 2 ;;
            esac ;;
          *) echo "unexpected: $*" >&2; exit 2 ;;
        esac
        """;

    private readonly string _root = Directory.CreateTempSubdirectory("ceiba-fabric-cli-stubs-").FullName;

    public FabricCliStubs()
    {
        Directory.CreateDirectory(Bin);
        Directory.CreateDirectory(State);
        Write("osnadmin", Osnadmin);
        Write("peer", Peer);
    }

    public string Bin => Path.Combine(_root, "bin");

    public string State => Path.Combine(_root, "state");

    /// <summary>Every CLI call so far, one per line.</summary>
    public IReadOnlyList<string> Calls => File.Exists(Path.Combine(State, "calls")) ? File.ReadAllLines(Path.Combine(State, "calls")) : [];

    /// <summary>The environment that puts the stubs first on PATH.</summary>
    public Dictionary<string, string> Environment(string setupDirectory, IEnumerable<string> orgMspIds) => new()
    {
        ["PATH"] = $"{Bin}:{System.Environment.GetEnvironmentVariable("PATH")}",
        ["STUB_STATE"] = State,
        ["STUB_SETUP_DIR"] = setupDirectory,
        ["STUB_ORGS"] = string.Join(' ', orgMspIds),
        ["SETUP_ATTEMPTS"] = "3",
        ["SETUP_DELAY_SECONDS"] = "0",
    };

    public void ClearCalls() => File.Delete(Path.Combine(State, "calls"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private void Write(string name, string text)
    {
        var path = Path.Combine(Bin, name);
        File.WriteAllText(path, text.ReplaceLineEndings("\n") + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
