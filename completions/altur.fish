# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_altur_global_optspecs
    string join \n o/output= profile= config= api-key-file= base-url= timeout= retries= v/verbose dry-run jq= fields= h/help V/version
end

function __fish_altur_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_altur_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_altur_using_subcommand
    set -l cmd (__fish_altur_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c altur -n "__fish_altur_needs_command" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table for people'
json\t'The server\'s JSON, pretty-printed'
ndjson\t'One compact JSON value per line (one per item for lists)'
id\t'The id alone'
csv\t'Lists: RFC 4180 with a header row (alone for an empty list), values as the API gives them'
transcript\t'Threads and their messages: a readable transcript, one line per message'"
complete -c altur -n "__fish_altur_needs_command" -l profile -d 'Profile in the config file [env: ALTUR_PROFILE] [default: default]' -r
complete -c altur -n "__fish_altur_needs_command" -l config -d 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]' -r -F
complete -c altur -n "__fish_altur_needs_command" -l api-key-file -d 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]' -r -F
complete -c altur -n "__fish_altur_needs_command" -l base-url -d 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]' -r
complete -c altur -n "__fish_altur_needs_command" -l timeout -d 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]' -r
complete -c altur -n "__fish_altur_needs_command" -l retries -d 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]' -r
complete -c altur -n "__fish_altur_needs_command" -l jq -d 'Filter the JSON output with a jq expression; strings print raw (implies -o json)' -r
complete -c altur -n "__fish_altur_needs_command" -l fields -d 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table\'s columns]' -r
complete -c altur -n "__fish_altur_needs_command" -s v -l verbose -d 'Trace requests and responses on stderr (the key is never shown)'
complete -c altur -n "__fish_altur_needs_command" -l dry-run -d 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
complete -c altur -n "__fish_altur_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c altur -n "__fish_altur_needs_command" -s V -l version -d 'Print version'
complete -c altur -n "__fish_altur_needs_command" -f -a "enduser" -d 'Create, fetch, update and import EndUsers (your customers)'
complete -c altur -n "__fish_altur_needs_command" -f -a "auth" -d 'Save, inspect and remove the API key'
complete -c altur -n "__fish_altur_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c altur -n "__fish_altur_needs_command" -f -a "sandbox" -d 'Run a local stand-in for the Altur API'
complete -c altur -n "__fish_altur_needs_command" -f -a "webhook" -d 'Verify, send and receive Altur\'s signed webhooks'
complete -c altur -n "__fish_altur_needs_command" -f -a "api" -d 'Send any request to the API, with altur\'s key, retries and redaction'
complete -c altur -n "__fish_altur_needs_command" -f -a "call" -d 'Start, follow and list phone calls; download their recordings'
complete -c altur -n "__fish_altur_needs_command" -f -a "message" -d 'Send a message to an agent and read a thread\'s messages'
complete -c altur -n "__fish_altur_needs_command" -f -a "thread" -d 'Fetch a thread: an agent\'s conversation with an EndUser'
complete -c altur -n "__fish_altur_needs_command" -f -a "chat" -d 'Talk to an agent from a terminal or a pipe, one line per message'
complete -c altur -n "__fish_altur_needs_command" -f -a "campaign" -d 'List, create and run campaigns (calls or WhatsApp to many contacts)'
complete -c altur -n "__fish_altur_needs_command" -f -a "contact" -d 'Add, import, list and delete the contacts of a campaign'
complete -c altur -n "__fish_altur_needs_command" -f -a "mcp" -d 'Serve the API as tools to an AI assistant (Model Context Protocol on stdio)'
complete -c altur -n "__fish_altur_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c altur -n "__fish_altur_using_subcommand enduser; and not __fish_seen_subcommand_from create get update import help" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table for people'
json\t'The server\'s JSON, pretty-printed'
ndjson\t'One compact JSON value per line (one per item for lists)'
id\t'The id alone'
csv\t'Lists: RFC 4180 with a header row (alone for an empty list), values as the API gives them'
transcript\t'Threads and their messages: a readable transcript, one line per message'"
complete -c altur -n "__fish_altur_using_subcommand enduser; and not __fish_seen_subcommand_from create get update import help" -l profile -d 'Profile in the config file [env: ALTUR_PROFILE] [default: default]' -r
complete -c altur -n "__fish_altur_using_subcommand enduser; and not __fish_seen_subcommand_from create get update import help" -l config -d 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]' -r -F
complete -c altur -n "__fish_altur_using_subcommand enduser; and not __fish_seen_subcommand_from create get update import help" -l api-key-file -d 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]' -r -F
complete -c altur -n "__fish_altur_using_subcommand enduser; and not __fish_seen_subcommand_from create get update import help" -l base-url -d 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]' -r
complete -c altur -n "__fish_altur_using_subcommand enduser; and not __fish_seen_subcommand_from create get update import help" -l timeout -d 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]' -r
complete -c altur -n "__fish_altur_using_subcommand enduser; and not __fish_seen_subcommand_from create get update import help" -l retries -d 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]' -r
complete -c altur -n "__fish_altur_using_subcommand enduser; and not __fish_seen_subcommand_from create get update import help" -l jq -d 'Filter the JSON output with a jq expression; strings print raw (implies -o json)' -r
complete -c altur -n "__fish_altur_using_subcommand enduser; and not __fish_seen_subcommand_from create get update import help" -l fields -d 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table\'s columns]' -r
complete -c altur -n "__fish_altur_using_subcommand enduser; and not __fish_seen_subcommand_from create get update import help" -s v -l verbose -d 'Trace requests and responses on stderr (the key is never shown)'
complete -c altur -n "__fish_altur_using_subcommand enduser; and not __fish_seen_subcommand_from create get update import help" -l dry-run -d 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
complete -c altur -n "__fish_altur_using_subcommand enduser; and not __fish_seen_subcommand_from create get update import help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c altur -n "__fish_altur_using_subcommand enduser; and not __fish_seen_subcommand_from create get update import help" -f -a "create" -d 'Create an EndUser'
complete -c altur -n "__fish_altur_using_subcommand enduser; and not __fish_seen_subcommand_from create get update import help" -f -a "get" -d 'Fetch an EndUser by id'
complete -c altur -n "__fish_altur_using_subcommand enduser; and not __fish_seen_subcommand_from create get update import help" -f -a "update" -d 'Change an EndUser\'s name or info (only the fields given are sent)'
complete -c altur -n "__fish_altur_using_subcommand enduser; and not __fish_seen_subcommand_from create get update import help" -f -a "import" -d 'Create many EndUsers from an NDJSON, CSV or JSON file'
complete -c altur -n "__fish_altur_using_subcommand enduser; and not __fish_seen_subcommand_from create get update import help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c altur -n "__fish_altur_using_subcommand enduser; and __fish_seen_subcommand_from create" -l name -l display-name -d 'Display name' -r
complete -c altur -n "__fish_altur_using_subcommand enduser; and __fish_seen_subcommand_from create" -l info -d 'Information for the agents' -r
complete -c altur -n "__fish_altur_using_subcommand enduser; and __fish_seen_subcommand_from create" -l info-file -d 'Read the info text from a file (- for stdin)' -r -F
complete -c altur -n "__fish_altur_using_subcommand enduser; and __fish_seen_subcommand_from create" -l input -d 'Read fields from a JSON object in FILE (- for stdin); flags override its fields' -r -F
complete -c altur -n "__fish_altur_using_subcommand enduser; and __fish_seen_subcommand_from create" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table for people'
json\t'The server\'s JSON, pretty-printed'
ndjson\t'One compact JSON value per line (one per item for lists)'
id\t'The id alone'
csv\t'Lists: RFC 4180 with a header row (alone for an empty list), values as the API gives them'
transcript\t'Threads and their messages: a readable transcript, one line per message'"
complete -c altur -n "__fish_altur_using_subcommand enduser; and __fish_seen_subcommand_from create" -l profile -d 'Profile in the config file [env: ALTUR_PROFILE] [default: default]' -r
complete -c altur -n "__fish_altur_using_subcommand enduser; and __fish_seen_subcommand_from create" -l config -d 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]' -r -F
complete -c altur -n "__fish_altur_using_subcommand enduser; and __fish_seen_subcommand_from create" -l api-key-file -d 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]' -r -F
complete -c altur -n "__fish_altur_using_subcommand enduser; and __fish_seen_subcommand_from create" -l base-url -d 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]' -r
complete -c altur -n "__fish_altur_using_subcommand enduser; and __fish_seen_subcommand_from create" -l timeout -d 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]' -r
complete -c altur -n "__fish_altur_using_subcommand enduser; and __fish_seen_subcommand_from create" -l retries -d 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]' -r
complete -c altur -n "__fish_altur_using_subcommand enduser; and __fish_seen_subcommand_from create" -l jq -d 'Filter the JSON output with a jq expression; strings print raw (implies -o json)' -r
complete -c altur -n "__fish_altur_using_subcommand enduser; and __fish_seen_subcommand_from create" -l fields -d 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table\'s columns]' -r
complete -c altur -n "__fish_altur_using_subcommand enduser; and __fish_seen_subcommand_from create" -s v -l verbose -d 'Trace requests and responses on stderr (the key is never shown)'
complete -c altur -n "__fish_altur_using_subcommand enduser; and __fish_seen_subcommand_from create" -l dry-run -d 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
complete -c altur -n "__fish_altur_using_subcommand enduser; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c altur -n "__fish_altur_using_subcommand enduser; and __fish_seen_subcommand_from get" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table for people'
json\t'The server\'s JSON, pretty-printed'
ndjson\t'One compact JSON value per line (one per item for lists)'
id\t'The id alone'
csv\t'Lists: RFC 4180 with a header row (alone for an empty list), values as the API gives them'
transcript\t'Threads and their messages: a readable transcript, one line per message'"
complete -c altur -n "__fish_altur_using_subcommand enduser; and __fish_seen_subcommand_from get" -l profile -d 'Profile in the config file [env: ALTUR_PROFILE] [default: default]' -r
complete -c altur -n "__fish_altur_using_subcommand enduser; and __fish_seen_subcommand_from get" -l config -d 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]' -r -F
complete -c altur -n "__fish_altur_using_subcommand enduser; and __fish_seen_subcommand_from get" -l api-key-file -d 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]' -r -F
complete -c altur -n "__fish_altur_using_subcommand enduser; and __fish_seen_subcommand_from get" -l base-url -d 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]' -r
complete -c altur -n "__fish_altur_using_subcommand enduser; and __fish_seen_subcommand_from get" -l timeout -d 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]' -r
complete -c altur -n "__fish_altur_using_subcommand enduser; and __fish_seen_subcommand_from get" -l retries -d 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]' -r
complete -c altur -n "__fish_altur_using_subcommand enduser; and __fish_seen_subcommand_from get" -l jq -d 'Filter the JSON output with a jq expression; strings print raw (implies -o json)' -r
complete -c altur -n "__fish_altur_using_subcommand enduser; and __fish_seen_subcommand_from get" -l fields -d 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table\'s columns]' -r
complete -c altur -n "__fish_altur_using_subcommand enduser; and __fish_seen_subcommand_from get" -s v -l verbose -d 'Trace requests and responses on stderr (the key is never shown)'
complete -c altur -n "__fish_altur_using_subcommand enduser; and __fish_seen_subcommand_from get" -l dry-run -d 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
complete -c altur -n "__fish_altur_using_subcommand enduser; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c altur -n "__fish_altur_using_subcommand enduser; and __fish_seen_subcommand_from update" -l name -l display-name -d 'Display name' -r
complete -c altur -n "__fish_altur_using_subcommand enduser; and __fish_seen_subcommand_from update" -l info -d 'Information for the agents' -r
complete -c altur -n "__fish_altur_using_subcommand enduser; and __fish_seen_subcommand_from update" -l info-file -d 'Read the info text from a file (- for stdin)' -r -F
complete -c altur -n "__fish_altur_using_subcommand enduser; and __fish_seen_subcommand_from update" -l input -d 'Read fields from a JSON object in FILE (- for stdin); flags override its fields' -r -F
complete -c altur -n "__fish_altur_using_subcommand enduser; and __fish_seen_subcommand_from update" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table for people'
json\t'The server\'s JSON, pretty-printed'
ndjson\t'One compact JSON value per line (one per item for lists)'
id\t'The id alone'
csv\t'Lists: RFC 4180 with a header row (alone for an empty list), values as the API gives them'
transcript\t'Threads and their messages: a readable transcript, one line per message'"
complete -c altur -n "__fish_altur_using_subcommand enduser; and __fish_seen_subcommand_from update" -l profile -d 'Profile in the config file [env: ALTUR_PROFILE] [default: default]' -r
complete -c altur -n "__fish_altur_using_subcommand enduser; and __fish_seen_subcommand_from update" -l config -d 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]' -r -F
complete -c altur -n "__fish_altur_using_subcommand enduser; and __fish_seen_subcommand_from update" -l api-key-file -d 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]' -r -F
complete -c altur -n "__fish_altur_using_subcommand enduser; and __fish_seen_subcommand_from update" -l base-url -d 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]' -r
complete -c altur -n "__fish_altur_using_subcommand enduser; and __fish_seen_subcommand_from update" -l timeout -d 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]' -r
complete -c altur -n "__fish_altur_using_subcommand enduser; and __fish_seen_subcommand_from update" -l retries -d 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]' -r
complete -c altur -n "__fish_altur_using_subcommand enduser; and __fish_seen_subcommand_from update" -l jq -d 'Filter the JSON output with a jq expression; strings print raw (implies -o json)' -r
complete -c altur -n "__fish_altur_using_subcommand enduser; and __fish_seen_subcommand_from update" -l fields -d 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table\'s columns]' -r
complete -c altur -n "__fish_altur_using_subcommand enduser; and __fish_seen_subcommand_from update" -s v -l verbose -d 'Trace requests and responses on stderr (the key is never shown)'
complete -c altur -n "__fish_altur_using_subcommand enduser; and __fish_seen_subcommand_from update" -l dry-run -d 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
complete -c altur -n "__fish_altur_using_subcommand enduser; and __fish_seen_subcommand_from update" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c altur -n "__fish_altur_using_subcommand enduser; and __fish_seen_subcommand_from import" -l format -d 'Input format [default: from the file\'s extension; ndjson for stdin]' -r -f -a "ndjson\t''
csv\t''
json\t''"
complete -c altur -n "__fish_altur_using_subcommand enduser; and __fish_seen_subcommand_from import" -l concurrency -d 'Requests in flight at once (1-64)' -r
complete -c altur -n "__fish_altur_using_subcommand enduser; and __fish_seen_subcommand_from import" -l journal -d 'Append-only log that makes a re-run skip what was already created [enduser import: one per input file by default, under the state directory]' -r -F
complete -c altur -n "__fish_altur_using_subcommand enduser; and __fish_seen_subcommand_from import" -l delimiter -d 'CSV field separator: , ; tab or another character [default: found from the header]' -r
complete -c altur -n "__fish_altur_using_subcommand enduser; and __fish_seen_subcommand_from import" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table for people'
json\t'The server\'s JSON, pretty-printed'
ndjson\t'One compact JSON value per line (one per item for lists)'
id\t'The id alone'
csv\t'Lists: RFC 4180 with a header row (alone for an empty list), values as the API gives them'
transcript\t'Threads and their messages: a readable transcript, one line per message'"
complete -c altur -n "__fish_altur_using_subcommand enduser; and __fish_seen_subcommand_from import" -l profile -d 'Profile in the config file [env: ALTUR_PROFILE] [default: default]' -r
complete -c altur -n "__fish_altur_using_subcommand enduser; and __fish_seen_subcommand_from import" -l config -d 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]' -r -F
complete -c altur -n "__fish_altur_using_subcommand enduser; and __fish_seen_subcommand_from import" -l api-key-file -d 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]' -r -F
complete -c altur -n "__fish_altur_using_subcommand enduser; and __fish_seen_subcommand_from import" -l base-url -d 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]' -r
complete -c altur -n "__fish_altur_using_subcommand enduser; and __fish_seen_subcommand_from import" -l timeout -d 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]' -r
complete -c altur -n "__fish_altur_using_subcommand enduser; and __fish_seen_subcommand_from import" -l retries -d 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]' -r
complete -c altur -n "__fish_altur_using_subcommand enduser; and __fish_seen_subcommand_from import" -l jq -d 'Filter the JSON output with a jq expression; strings print raw (implies -o json)' -r
complete -c altur -n "__fish_altur_using_subcommand enduser; and __fish_seen_subcommand_from import" -l fields -d 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table\'s columns]' -r
complete -c altur -n "__fish_altur_using_subcommand enduser; and __fish_seen_subcommand_from import" -l no-journal -d 'Keep no journal: a re-run sends every record again'
complete -c altur -n "__fish_altur_using_subcommand enduser; and __fish_seen_subcommand_from import" -l fail-fast -d 'Stop at the first failed record'
complete -c altur -n "__fish_altur_using_subcommand enduser; and __fish_seen_subcommand_from import" -l validate-only -d 'Check every record and send nothing'
complete -c altur -n "__fish_altur_using_subcommand enduser; and __fish_seen_subcommand_from import" -l resend-uncertain -d 'Re-send records whose outcome the journal says is unknown (for EndUsers, may create duplicates; contact batches the journal kept are sent again under their keys anyway)'
complete -c altur -n "__fish_altur_using_subcommand enduser; and __fish_seen_subcommand_from import" -s v -l verbose -d 'Trace requests and responses on stderr (the key is never shown)'
complete -c altur -n "__fish_altur_using_subcommand enduser; and __fish_seen_subcommand_from import" -l dry-run -d 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
complete -c altur -n "__fish_altur_using_subcommand enduser; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c altur -n "__fish_altur_using_subcommand enduser; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create an EndUser'
complete -c altur -n "__fish_altur_using_subcommand enduser; and __fish_seen_subcommand_from help" -f -a "get" -d 'Fetch an EndUser by id'
complete -c altur -n "__fish_altur_using_subcommand enduser; and __fish_seen_subcommand_from help" -f -a "update" -d 'Change an EndUser\'s name or info (only the fields given are sent)'
complete -c altur -n "__fish_altur_using_subcommand enduser; and __fish_seen_subcommand_from help" -f -a "import" -d 'Create many EndUsers from an NDJSON, CSV or JSON file'
complete -c altur -n "__fish_altur_using_subcommand enduser; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c altur -n "__fish_altur_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table for people'
json\t'The server\'s JSON, pretty-printed'
ndjson\t'One compact JSON value per line (one per item for lists)'
id\t'The id alone'
csv\t'Lists: RFC 4180 with a header row (alone for an empty list), values as the API gives them'
transcript\t'Threads and their messages: a readable transcript, one line per message'"
complete -c altur -n "__fish_altur_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l profile -d 'Profile in the config file [env: ALTUR_PROFILE] [default: default]' -r
complete -c altur -n "__fish_altur_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l config -d 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]' -r -F
complete -c altur -n "__fish_altur_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l api-key-file -d 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]' -r -F
complete -c altur -n "__fish_altur_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l base-url -d 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]' -r
complete -c altur -n "__fish_altur_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l timeout -d 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]' -r
complete -c altur -n "__fish_altur_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l retries -d 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]' -r
complete -c altur -n "__fish_altur_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l jq -d 'Filter the JSON output with a jq expression; strings print raw (implies -o json)' -r
complete -c altur -n "__fish_altur_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l fields -d 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table\'s columns]' -r
complete -c altur -n "__fish_altur_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -s v -l verbose -d 'Trace requests and responses on stderr (the key is never shown)'
complete -c altur -n "__fish_altur_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l dry-run -d 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
complete -c altur -n "__fish_altur_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c altur -n "__fish_altur_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -f -a "login" -d 'Save an API key to the selected profile'
complete -c altur -n "__fish_altur_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -f -a "status" -d 'Show where the API key comes from (masked)'
complete -c altur -n "__fish_altur_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -f -a "logout" -d 'Remove the selected profile\'s API key'
complete -c altur -n "__fish_altur_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c altur -n "__fish_altur_using_subcommand auth; and __fish_seen_subcommand_from login" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table for people'
json\t'The server\'s JSON, pretty-printed'
ndjson\t'One compact JSON value per line (one per item for lists)'
id\t'The id alone'
csv\t'Lists: RFC 4180 with a header row (alone for an empty list), values as the API gives them'
transcript\t'Threads and their messages: a readable transcript, one line per message'"
complete -c altur -n "__fish_altur_using_subcommand auth; and __fish_seen_subcommand_from login" -l profile -d 'Profile in the config file [env: ALTUR_PROFILE] [default: default]' -r
complete -c altur -n "__fish_altur_using_subcommand auth; and __fish_seen_subcommand_from login" -l config -d 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]' -r -F
complete -c altur -n "__fish_altur_using_subcommand auth; and __fish_seen_subcommand_from login" -l api-key-file -d 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]' -r -F
complete -c altur -n "__fish_altur_using_subcommand auth; and __fish_seen_subcommand_from login" -l base-url -d 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]' -r
complete -c altur -n "__fish_altur_using_subcommand auth; and __fish_seen_subcommand_from login" -l timeout -d 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]' -r
complete -c altur -n "__fish_altur_using_subcommand auth; and __fish_seen_subcommand_from login" -l retries -d 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]' -r
complete -c altur -n "__fish_altur_using_subcommand auth; and __fish_seen_subcommand_from login" -l jq -d 'Filter the JSON output with a jq expression; strings print raw (implies -o json)' -r
complete -c altur -n "__fish_altur_using_subcommand auth; and __fish_seen_subcommand_from login" -l fields -d 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table\'s columns]' -r
complete -c altur -n "__fish_altur_using_subcommand auth; and __fish_seen_subcommand_from login" -l with-key -d 'Read the key from stdin instead of a hidden prompt'
complete -c altur -n "__fish_altur_using_subcommand auth; and __fish_seen_subcommand_from login" -l verify -d 'Check the key against the API before saving it'
complete -c altur -n "__fish_altur_using_subcommand auth; and __fish_seen_subcommand_from login" -s v -l verbose -d 'Trace requests and responses on stderr (the key is never shown)'
complete -c altur -n "__fish_altur_using_subcommand auth; and __fish_seen_subcommand_from login" -l dry-run -d 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
complete -c altur -n "__fish_altur_using_subcommand auth; and __fish_seen_subcommand_from login" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c altur -n "__fish_altur_using_subcommand auth; and __fish_seen_subcommand_from status" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table for people'
json\t'The server\'s JSON, pretty-printed'
ndjson\t'One compact JSON value per line (one per item for lists)'
id\t'The id alone'
csv\t'Lists: RFC 4180 with a header row (alone for an empty list), values as the API gives them'
transcript\t'Threads and their messages: a readable transcript, one line per message'"
complete -c altur -n "__fish_altur_using_subcommand auth; and __fish_seen_subcommand_from status" -l profile -d 'Profile in the config file [env: ALTUR_PROFILE] [default: default]' -r
complete -c altur -n "__fish_altur_using_subcommand auth; and __fish_seen_subcommand_from status" -l config -d 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]' -r -F
complete -c altur -n "__fish_altur_using_subcommand auth; and __fish_seen_subcommand_from status" -l api-key-file -d 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]' -r -F
complete -c altur -n "__fish_altur_using_subcommand auth; and __fish_seen_subcommand_from status" -l base-url -d 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]' -r
complete -c altur -n "__fish_altur_using_subcommand auth; and __fish_seen_subcommand_from status" -l timeout -d 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]' -r
complete -c altur -n "__fish_altur_using_subcommand auth; and __fish_seen_subcommand_from status" -l retries -d 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]' -r
complete -c altur -n "__fish_altur_using_subcommand auth; and __fish_seen_subcommand_from status" -l jq -d 'Filter the JSON output with a jq expression; strings print raw (implies -o json)' -r
complete -c altur -n "__fish_altur_using_subcommand auth; and __fish_seen_subcommand_from status" -l fields -d 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table\'s columns]' -r
complete -c altur -n "__fish_altur_using_subcommand auth; and __fish_seen_subcommand_from status" -s v -l verbose -d 'Trace requests and responses on stderr (the key is never shown)'
complete -c altur -n "__fish_altur_using_subcommand auth; and __fish_seen_subcommand_from status" -l dry-run -d 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
complete -c altur -n "__fish_altur_using_subcommand auth; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c altur -n "__fish_altur_using_subcommand auth; and __fish_seen_subcommand_from logout" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table for people'
json\t'The server\'s JSON, pretty-printed'
ndjson\t'One compact JSON value per line (one per item for lists)'
id\t'The id alone'
csv\t'Lists: RFC 4180 with a header row (alone for an empty list), values as the API gives them'
transcript\t'Threads and their messages: a readable transcript, one line per message'"
complete -c altur -n "__fish_altur_using_subcommand auth; and __fish_seen_subcommand_from logout" -l profile -d 'Profile in the config file [env: ALTUR_PROFILE] [default: default]' -r
complete -c altur -n "__fish_altur_using_subcommand auth; and __fish_seen_subcommand_from logout" -l config -d 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]' -r -F
complete -c altur -n "__fish_altur_using_subcommand auth; and __fish_seen_subcommand_from logout" -l api-key-file -d 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]' -r -F
complete -c altur -n "__fish_altur_using_subcommand auth; and __fish_seen_subcommand_from logout" -l base-url -d 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]' -r
complete -c altur -n "__fish_altur_using_subcommand auth; and __fish_seen_subcommand_from logout" -l timeout -d 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]' -r
complete -c altur -n "__fish_altur_using_subcommand auth; and __fish_seen_subcommand_from logout" -l retries -d 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]' -r
complete -c altur -n "__fish_altur_using_subcommand auth; and __fish_seen_subcommand_from logout" -l jq -d 'Filter the JSON output with a jq expression; strings print raw (implies -o json)' -r
complete -c altur -n "__fish_altur_using_subcommand auth; and __fish_seen_subcommand_from logout" -l fields -d 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table\'s columns]' -r
complete -c altur -n "__fish_altur_using_subcommand auth; and __fish_seen_subcommand_from logout" -s v -l verbose -d 'Trace requests and responses on stderr (the key is never shown)'
complete -c altur -n "__fish_altur_using_subcommand auth; and __fish_seen_subcommand_from logout" -l dry-run -d 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
complete -c altur -n "__fish_altur_using_subcommand auth; and __fish_seen_subcommand_from logout" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c altur -n "__fish_altur_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "login" -d 'Save an API key to the selected profile'
complete -c altur -n "__fish_altur_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "status" -d 'Show where the API key comes from (masked)'
complete -c altur -n "__fish_altur_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "logout" -d 'Remove the selected profile\'s API key'
complete -c altur -n "__fish_altur_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c altur -n "__fish_altur_using_subcommand completions" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table for people'
json\t'The server\'s JSON, pretty-printed'
ndjson\t'One compact JSON value per line (one per item for lists)'
id\t'The id alone'
csv\t'Lists: RFC 4180 with a header row (alone for an empty list), values as the API gives them'
transcript\t'Threads and their messages: a readable transcript, one line per message'"
complete -c altur -n "__fish_altur_using_subcommand completions" -l profile -d 'Profile in the config file [env: ALTUR_PROFILE] [default: default]' -r
complete -c altur -n "__fish_altur_using_subcommand completions" -l config -d 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]' -r -F
complete -c altur -n "__fish_altur_using_subcommand completions" -l api-key-file -d 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]' -r -F
complete -c altur -n "__fish_altur_using_subcommand completions" -l base-url -d 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]' -r
complete -c altur -n "__fish_altur_using_subcommand completions" -l timeout -d 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]' -r
complete -c altur -n "__fish_altur_using_subcommand completions" -l retries -d 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]' -r
complete -c altur -n "__fish_altur_using_subcommand completions" -l jq -d 'Filter the JSON output with a jq expression; strings print raw (implies -o json)' -r
complete -c altur -n "__fish_altur_using_subcommand completions" -l fields -d 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table\'s columns]' -r
complete -c altur -n "__fish_altur_using_subcommand completions" -s v -l verbose -d 'Trace requests and responses on stderr (the key is never shown)'
complete -c altur -n "__fish_altur_using_subcommand completions" -l dry-run -d 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
complete -c altur -n "__fish_altur_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c altur -n "__fish_altur_using_subcommand sandbox; and not __fish_seen_subcommand_from serve exec help" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table for people'
json\t'The server\'s JSON, pretty-printed'
ndjson\t'One compact JSON value per line (one per item for lists)'
id\t'The id alone'
csv\t'Lists: RFC 4180 with a header row (alone for an empty list), values as the API gives them'
transcript\t'Threads and their messages: a readable transcript, one line per message'"
complete -c altur -n "__fish_altur_using_subcommand sandbox; and not __fish_seen_subcommand_from serve exec help" -l profile -d 'Profile in the config file [env: ALTUR_PROFILE] [default: default]' -r
complete -c altur -n "__fish_altur_using_subcommand sandbox; and not __fish_seen_subcommand_from serve exec help" -l config -d 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]' -r -F
complete -c altur -n "__fish_altur_using_subcommand sandbox; and not __fish_seen_subcommand_from serve exec help" -l api-key-file -d 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]' -r -F
complete -c altur -n "__fish_altur_using_subcommand sandbox; and not __fish_seen_subcommand_from serve exec help" -l base-url -d 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]' -r
complete -c altur -n "__fish_altur_using_subcommand sandbox; and not __fish_seen_subcommand_from serve exec help" -l timeout -d 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]' -r
complete -c altur -n "__fish_altur_using_subcommand sandbox; and not __fish_seen_subcommand_from serve exec help" -l retries -d 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]' -r
complete -c altur -n "__fish_altur_using_subcommand sandbox; and not __fish_seen_subcommand_from serve exec help" -l jq -d 'Filter the JSON output with a jq expression; strings print raw (implies -o json)' -r
complete -c altur -n "__fish_altur_using_subcommand sandbox; and not __fish_seen_subcommand_from serve exec help" -l fields -d 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table\'s columns]' -r
complete -c altur -n "__fish_altur_using_subcommand sandbox; and not __fish_seen_subcommand_from serve exec help" -s v -l verbose -d 'Trace requests and responses on stderr (the key is never shown)'
complete -c altur -n "__fish_altur_using_subcommand sandbox; and not __fish_seen_subcommand_from serve exec help" -l dry-run -d 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
complete -c altur -n "__fish_altur_using_subcommand sandbox; and not __fish_seen_subcommand_from serve exec help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c altur -n "__fish_altur_using_subcommand sandbox; and not __fish_seen_subcommand_from serve exec help" -f -a "serve" -d 'Serve the local API until Ctrl-C'
complete -c altur -n "__fish_altur_using_subcommand sandbox; and not __fish_seen_subcommand_from serve exec help" -f -a "exec" -d 'Run a command against a fresh sandbox, then stop it'
complete -c altur -n "__fish_altur_using_subcommand sandbox; and not __fish_seen_subcommand_from serve exec help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c altur -n "__fish_altur_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l listen -d 'Address to listen on [default: 127.0.0.1:8787; exec: a free loopback port]' -r
complete -c altur -n "__fish_altur_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l api-key -d 'The only API key the sandbox accepts' -r
complete -c altur -n "__fish_altur_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l state -d 'Keep records in this file so they survive a restart' -r -F
complete -c altur -n "__fish_altur_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l latency -d 'Milliseconds added to every answer' -r
complete -c altur -n "__fish_altur_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l fail-rate -d 'Fraction of requests answered with 503 (0 to 1)' -r
complete -c altur -n "__fish_altur_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l rate-limit -d 'Requests allowed per second before answering 429' -r
complete -c altur -n "__fish_altur_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l seed -d 'Seed for every random value (ids, outcomes, faults), to make runs repeatable' -r
complete -c altur -n "__fish_altur_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l scenario -d 'The odds of the calls\' outcomes, tags, durations, transcripts and data (a JSON file)' -r -F
complete -c altur -n "__fish_altur_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l call-seconds -d 'Seconds a call takes from queued to ended (decimals allowed, 0-3600)' -r
complete -c altur -n "__fish_altur_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l log -d 'Append the request log (one line per request) to this file instead of stderr' -r -F
complete -c altur -n "__fish_altur_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l webhook-url -d 'Deliver signed webhooks (on_call_end, campaign.status_changed) to this URL of yours' -r
complete -c altur -n "__fish_altur_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l webhook-secret-file -d 'Sign them with the secret in this file [env: ALTUR_WEBHOOK_SECRET holds the secret]' -r -F
complete -c altur -n "__fish_altur_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l webhook-scheme -d 'How to sign them' -r -f -a "hex\t'hex(HMAC-SHA256) over the body, the secret as text'
base64\t'base64(HMAC-SHA256) over the body (compact JSON), the secret base64-decoded'"
complete -c altur -n "__fish_altur_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l tune -d 'Lower the server\'s limits, NAME=VALUE,... (for tests and benchmarks)' -r
complete -c altur -n "__fish_altur_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table for people'
json\t'The server\'s JSON, pretty-printed'
ndjson\t'One compact JSON value per line (one per item for lists)'
id\t'The id alone'
csv\t'Lists: RFC 4180 with a header row (alone for an empty list), values as the API gives them'
transcript\t'Threads and their messages: a readable transcript, one line per message'"
complete -c altur -n "__fish_altur_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l profile -d 'Profile in the config file [env: ALTUR_PROFILE] [default: default]' -r
complete -c altur -n "__fish_altur_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l config -d 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]' -r -F
complete -c altur -n "__fish_altur_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l api-key-file -d 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]' -r -F
complete -c altur -n "__fish_altur_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l base-url -d 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]' -r
complete -c altur -n "__fish_altur_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l timeout -d 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]' -r
complete -c altur -n "__fish_altur_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l retries -d 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]' -r
complete -c altur -n "__fish_altur_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l jq -d 'Filter the JSON output with a jq expression; strings print raw (implies -o json)' -r
complete -c altur -n "__fish_altur_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l fields -d 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table\'s columns]' -r
complete -c altur -n "__fish_altur_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l quiet -d 'Log no requests (the start-up and stop lines stay on stderr)'
complete -c altur -n "__fish_altur_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -s v -l verbose -d 'Trace requests and responses on stderr (the key is never shown)'
complete -c altur -n "__fish_altur_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l dry-run -d 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
complete -c altur -n "__fish_altur_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c altur -n "__fish_altur_using_subcommand sandbox; and __fish_seen_subcommand_from exec" -l listen -d 'Address to listen on [default: 127.0.0.1:8787; exec: a free loopback port]' -r
complete -c altur -n "__fish_altur_using_subcommand sandbox; and __fish_seen_subcommand_from exec" -l api-key -d 'The only API key the sandbox accepts' -r
complete -c altur -n "__fish_altur_using_subcommand sandbox; and __fish_seen_subcommand_from exec" -l state -d 'Keep records in this file so they survive a restart' -r -F
complete -c altur -n "__fish_altur_using_subcommand sandbox; and __fish_seen_subcommand_from exec" -l latency -d 'Milliseconds added to every answer' -r
complete -c altur -n "__fish_altur_using_subcommand sandbox; and __fish_seen_subcommand_from exec" -l fail-rate -d 'Fraction of requests answered with 503 (0 to 1)' -r
complete -c altur -n "__fish_altur_using_subcommand sandbox; and __fish_seen_subcommand_from exec" -l rate-limit -d 'Requests allowed per second before answering 429' -r
complete -c altur -n "__fish_altur_using_subcommand sandbox; and __fish_seen_subcommand_from exec" -l seed -d 'Seed for every random value (ids, outcomes, faults), to make runs repeatable' -r
complete -c altur -n "__fish_altur_using_subcommand sandbox; and __fish_seen_subcommand_from exec" -l scenario -d 'The odds of the calls\' outcomes, tags, durations, transcripts and data (a JSON file)' -r -F
complete -c altur -n "__fish_altur_using_subcommand sandbox; and __fish_seen_subcommand_from exec" -l call-seconds -d 'Seconds a call takes from queued to ended (decimals allowed, 0-3600)' -r
complete -c altur -n "__fish_altur_using_subcommand sandbox; and __fish_seen_subcommand_from exec" -l log -d 'Append the request log (one line per request) to this file instead of stderr' -r -F
complete -c altur -n "__fish_altur_using_subcommand sandbox; and __fish_seen_subcommand_from exec" -l webhook-url -d 'Deliver signed webhooks (on_call_end, campaign.status_changed) to this URL of yours' -r
complete -c altur -n "__fish_altur_using_subcommand sandbox; and __fish_seen_subcommand_from exec" -l webhook-secret-file -d 'Sign them with the secret in this file [env: ALTUR_WEBHOOK_SECRET holds the secret]' -r -F
complete -c altur -n "__fish_altur_using_subcommand sandbox; and __fish_seen_subcommand_from exec" -l webhook-scheme -d 'How to sign them' -r -f -a "hex\t'hex(HMAC-SHA256) over the body, the secret as text'
base64\t'base64(HMAC-SHA256) over the body (compact JSON), the secret base64-decoded'"
complete -c altur -n "__fish_altur_using_subcommand sandbox; and __fish_seen_subcommand_from exec" -l tune -d 'Lower the server\'s limits, NAME=VALUE,... (for tests and benchmarks)' -r
complete -c altur -n "__fish_altur_using_subcommand sandbox; and __fish_seen_subcommand_from exec" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table for people'
json\t'The server\'s JSON, pretty-printed'
ndjson\t'One compact JSON value per line (one per item for lists)'
id\t'The id alone'
csv\t'Lists: RFC 4180 with a header row (alone for an empty list), values as the API gives them'
transcript\t'Threads and their messages: a readable transcript, one line per message'"
complete -c altur -n "__fish_altur_using_subcommand sandbox; and __fish_seen_subcommand_from exec" -l profile -d 'Profile in the config file [env: ALTUR_PROFILE] [default: default]' -r
complete -c altur -n "__fish_altur_using_subcommand sandbox; and __fish_seen_subcommand_from exec" -l config -d 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]' -r -F
complete -c altur -n "__fish_altur_using_subcommand sandbox; and __fish_seen_subcommand_from exec" -l api-key-file -d 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]' -r -F
complete -c altur -n "__fish_altur_using_subcommand sandbox; and __fish_seen_subcommand_from exec" -l base-url -d 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]' -r
complete -c altur -n "__fish_altur_using_subcommand sandbox; and __fish_seen_subcommand_from exec" -l timeout -d 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]' -r
complete -c altur -n "__fish_altur_using_subcommand sandbox; and __fish_seen_subcommand_from exec" -l retries -d 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]' -r
complete -c altur -n "__fish_altur_using_subcommand sandbox; and __fish_seen_subcommand_from exec" -l jq -d 'Filter the JSON output with a jq expression; strings print raw (implies -o json)' -r
complete -c altur -n "__fish_altur_using_subcommand sandbox; and __fish_seen_subcommand_from exec" -l fields -d 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table\'s columns]' -r
complete -c altur -n "__fish_altur_using_subcommand sandbox; and __fish_seen_subcommand_from exec" -l quiet -d 'Log no requests (the start-up and stop lines stay on stderr)'
complete -c altur -n "__fish_altur_using_subcommand sandbox; and __fish_seen_subcommand_from exec" -s v -l verbose -d 'Trace requests and responses on stderr (the key is never shown)'
complete -c altur -n "__fish_altur_using_subcommand sandbox; and __fish_seen_subcommand_from exec" -l dry-run -d 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
complete -c altur -n "__fish_altur_using_subcommand sandbox; and __fish_seen_subcommand_from exec" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c altur -n "__fish_altur_using_subcommand sandbox; and __fish_seen_subcommand_from help" -f -a "serve" -d 'Serve the local API until Ctrl-C'
complete -c altur -n "__fish_altur_using_subcommand sandbox; and __fish_seen_subcommand_from help" -f -a "exec" -d 'Run a command against a fresh sandbox, then stop it'
complete -c altur -n "__fish_altur_using_subcommand sandbox; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c altur -n "__fish_altur_using_subcommand webhook; and not __fish_seen_subcommand_from verify trigger listen help" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table for people'
json\t'The server\'s JSON, pretty-printed'
ndjson\t'One compact JSON value per line (one per item for lists)'
id\t'The id alone'
csv\t'Lists: RFC 4180 with a header row (alone for an empty list), values as the API gives them'
transcript\t'Threads and their messages: a readable transcript, one line per message'"
complete -c altur -n "__fish_altur_using_subcommand webhook; and not __fish_seen_subcommand_from verify trigger listen help" -l profile -d 'Profile in the config file [env: ALTUR_PROFILE] [default: default]' -r
complete -c altur -n "__fish_altur_using_subcommand webhook; and not __fish_seen_subcommand_from verify trigger listen help" -l config -d 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]' -r -F
complete -c altur -n "__fish_altur_using_subcommand webhook; and not __fish_seen_subcommand_from verify trigger listen help" -l api-key-file -d 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]' -r -F
complete -c altur -n "__fish_altur_using_subcommand webhook; and not __fish_seen_subcommand_from verify trigger listen help" -l base-url -d 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]' -r
complete -c altur -n "__fish_altur_using_subcommand webhook; and not __fish_seen_subcommand_from verify trigger listen help" -l timeout -d 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]' -r
complete -c altur -n "__fish_altur_using_subcommand webhook; and not __fish_seen_subcommand_from verify trigger listen help" -l retries -d 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]' -r
complete -c altur -n "__fish_altur_using_subcommand webhook; and not __fish_seen_subcommand_from verify trigger listen help" -l jq -d 'Filter the JSON output with a jq expression; strings print raw (implies -o json)' -r
complete -c altur -n "__fish_altur_using_subcommand webhook; and not __fish_seen_subcommand_from verify trigger listen help" -l fields -d 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table\'s columns]' -r
complete -c altur -n "__fish_altur_using_subcommand webhook; and not __fish_seen_subcommand_from verify trigger listen help" -s v -l verbose -d 'Trace requests and responses on stderr (the key is never shown)'
complete -c altur -n "__fish_altur_using_subcommand webhook; and not __fish_seen_subcommand_from verify trigger listen help" -l dry-run -d 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
complete -c altur -n "__fish_altur_using_subcommand webhook; and not __fish_seen_subcommand_from verify trigger listen help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c altur -n "__fish_altur_using_subcommand webhook; and not __fish_seen_subcommand_from verify trigger listen help" -f -a "verify" -d 'Check an X-Altur-Signature against the body it came with'
complete -c altur -n "__fish_altur_using_subcommand webhook; and not __fish_seen_subcommand_from verify trigger listen help" -f -a "trigger" -d 'Send a signed sample event to your webhook handler'
complete -c altur -n "__fish_altur_using_subcommand webhook; and not __fish_seen_subcommand_from verify trigger listen help" -f -a "listen" -d 'Receive webhooks locally: verify and print each delivery, optionally forward it'
complete -c altur -n "__fish_altur_using_subcommand webhook; and not __fish_seen_subcommand_from verify trigger listen help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c altur -n "__fish_altur_using_subcommand webhook; and __fish_seen_subcommand_from verify" -l signature -d 'The X-Altur-Signature header\'s value' -r
complete -c altur -n "__fish_altur_using_subcommand webhook; and __fish_seen_subcommand_from verify" -l secret-file -d 'Read the webhook secret from this file [env: ALTUR_WEBHOOK_SECRET holds the secret itself]' -r -F
complete -c altur -n "__fish_altur_using_subcommand webhook; and __fish_seen_subcommand_from verify" -l scheme -d 'The scheme to check' -r -f -a "auto\t'Try both schemes'
hex\t'hex(HMAC-SHA256) over the raw body, the secret as text'
base64\t'base64(HMAC-SHA256) over compact JSON, the secret base64-decoded'"
complete -c altur -n "__fish_altur_using_subcommand webhook; and __fish_seen_subcommand_from verify" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table for people'
json\t'The server\'s JSON, pretty-printed'
ndjson\t'One compact JSON value per line (one per item for lists)'
id\t'The id alone'
csv\t'Lists: RFC 4180 with a header row (alone for an empty list), values as the API gives them'
transcript\t'Threads and their messages: a readable transcript, one line per message'"
complete -c altur -n "__fish_altur_using_subcommand webhook; and __fish_seen_subcommand_from verify" -l profile -d 'Profile in the config file [env: ALTUR_PROFILE] [default: default]' -r
complete -c altur -n "__fish_altur_using_subcommand webhook; and __fish_seen_subcommand_from verify" -l config -d 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]' -r -F
complete -c altur -n "__fish_altur_using_subcommand webhook; and __fish_seen_subcommand_from verify" -l api-key-file -d 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]' -r -F
complete -c altur -n "__fish_altur_using_subcommand webhook; and __fish_seen_subcommand_from verify" -l base-url -d 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]' -r
complete -c altur -n "__fish_altur_using_subcommand webhook; and __fish_seen_subcommand_from verify" -l timeout -d 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]' -r
complete -c altur -n "__fish_altur_using_subcommand webhook; and __fish_seen_subcommand_from verify" -l retries -d 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]' -r
complete -c altur -n "__fish_altur_using_subcommand webhook; and __fish_seen_subcommand_from verify" -l jq -d 'Filter the JSON output with a jq expression; strings print raw (implies -o json)' -r
complete -c altur -n "__fish_altur_using_subcommand webhook; and __fish_seen_subcommand_from verify" -l fields -d 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table\'s columns]' -r
complete -c altur -n "__fish_altur_using_subcommand webhook; and __fish_seen_subcommand_from verify" -s v -l verbose -d 'Trace requests and responses on stderr (the key is never shown)'
complete -c altur -n "__fish_altur_using_subcommand webhook; and __fish_seen_subcommand_from verify" -l dry-run -d 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
complete -c altur -n "__fish_altur_using_subcommand webhook; and __fish_seen_subcommand_from verify" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c altur -n "__fish_altur_using_subcommand webhook; and __fish_seen_subcommand_from trigger" -l url -d 'Your webhook handler\'s URL (any http or https URL; the API key is never sent to it)' -r
complete -c altur -n "__fish_altur_using_subcommand webhook; and __fish_seen_subcommand_from trigger" -l secret-file -d 'Read the webhook secret from this file [env: ALTUR_WEBHOOK_SECRET holds the secret itself]' -r -F
complete -c altur -n "__fish_altur_using_subcommand webhook; and __fish_seen_subcommand_from trigger" -l scheme -d 'How to sign' -r -f -a "hex\t'hex(HMAC-SHA256) over the body, the secret as text'
base64\t'base64(HMAC-SHA256) over the body (compact JSON), the secret base64-decoded'"
complete -c altur -n "__fish_altur_using_subcommand webhook; and __fish_seen_subcommand_from trigger" -l set -d 'Override a field of the sample by dotted path: --set end_user.display_name=\'"Ada"\'' -r
complete -c altur -n "__fish_altur_using_subcommand webhook; and __fish_seen_subcommand_from trigger" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table for people'
json\t'The server\'s JSON, pretty-printed'
ndjson\t'One compact JSON value per line (one per item for lists)'
id\t'The id alone'
csv\t'Lists: RFC 4180 with a header row (alone for an empty list), values as the API gives them'
transcript\t'Threads and their messages: a readable transcript, one line per message'"
complete -c altur -n "__fish_altur_using_subcommand webhook; and __fish_seen_subcommand_from trigger" -l profile -d 'Profile in the config file [env: ALTUR_PROFILE] [default: default]' -r
complete -c altur -n "__fish_altur_using_subcommand webhook; and __fish_seen_subcommand_from trigger" -l config -d 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]' -r -F
complete -c altur -n "__fish_altur_using_subcommand webhook; and __fish_seen_subcommand_from trigger" -l api-key-file -d 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]' -r -F
complete -c altur -n "__fish_altur_using_subcommand webhook; and __fish_seen_subcommand_from trigger" -l base-url -d 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]' -r
complete -c altur -n "__fish_altur_using_subcommand webhook; and __fish_seen_subcommand_from trigger" -l timeout -d 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]' -r
complete -c altur -n "__fish_altur_using_subcommand webhook; and __fish_seen_subcommand_from trigger" -l retries -d 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]' -r
complete -c altur -n "__fish_altur_using_subcommand webhook; and __fish_seen_subcommand_from trigger" -l jq -d 'Filter the JSON output with a jq expression; strings print raw (implies -o json)' -r
complete -c altur -n "__fish_altur_using_subcommand webhook; and __fish_seen_subcommand_from trigger" -l fields -d 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table\'s columns]' -r
complete -c altur -n "__fish_altur_using_subcommand webhook; and __fish_seen_subcommand_from trigger" -l list -d 'Print the events this can send, and nothing else'
complete -c altur -n "__fish_altur_using_subcommand webhook; and __fish_seen_subcommand_from trigger" -s v -l verbose -d 'Trace requests and responses on stderr (the key is never shown)'
complete -c altur -n "__fish_altur_using_subcommand webhook; and __fish_seen_subcommand_from trigger" -l dry-run -d 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
complete -c altur -n "__fish_altur_using_subcommand webhook; and __fish_seen_subcommand_from trigger" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c altur -n "__fish_altur_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l listen -d 'Address to listen on' -r
complete -c altur -n "__fish_altur_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l secret-file -d 'Read the webhook secret from this file [env: ALTUR_WEBHOOK_SECRET holds the secret itself]' -r -F
complete -c altur -n "__fish_altur_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l forward-to -d 'Post each verified delivery (original body and signature) to this URL of yours' -r
complete -c altur -n "__fish_altur_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l events -d 'Keep only these event types (comma-separated); others are answered 200 and dropped' -r
complete -c altur -n "__fish_altur_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l tune -d 'Lower the server\'s limits, NAME=VALUE,... (for tests and benchmarks)' -r
complete -c altur -n "__fish_altur_using_subcommand webhook; and __fish_seen_subcommand_from listen" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table for people'
json\t'The server\'s JSON, pretty-printed'
ndjson\t'One compact JSON value per line (one per item for lists)'
id\t'The id alone'
csv\t'Lists: RFC 4180 with a header row (alone for an empty list), values as the API gives them'
transcript\t'Threads and their messages: a readable transcript, one line per message'"
complete -c altur -n "__fish_altur_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l profile -d 'Profile in the config file [env: ALTUR_PROFILE] [default: default]' -r
complete -c altur -n "__fish_altur_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l config -d 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]' -r -F
complete -c altur -n "__fish_altur_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l api-key-file -d 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]' -r -F
complete -c altur -n "__fish_altur_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l base-url -d 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]' -r
complete -c altur -n "__fish_altur_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l timeout -d 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]' -r
complete -c altur -n "__fish_altur_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l retries -d 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]' -r
complete -c altur -n "__fish_altur_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l jq -d 'Filter the JSON output with a jq expression; strings print raw (implies -o json)' -r
complete -c altur -n "__fish_altur_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l fields -d 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table\'s columns]' -r
complete -c altur -n "__fish_altur_using_subcommand webhook; and __fish_seen_subcommand_from listen" -s v -l verbose -d 'Trace requests and responses on stderr (the key is never shown)'
complete -c altur -n "__fish_altur_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l dry-run -d 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
complete -c altur -n "__fish_altur_using_subcommand webhook; and __fish_seen_subcommand_from listen" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c altur -n "__fish_altur_using_subcommand webhook; and __fish_seen_subcommand_from help" -f -a "verify" -d 'Check an X-Altur-Signature against the body it came with'
complete -c altur -n "__fish_altur_using_subcommand webhook; and __fish_seen_subcommand_from help" -f -a "trigger" -d 'Send a signed sample event to your webhook handler'
complete -c altur -n "__fish_altur_using_subcommand webhook; and __fish_seen_subcommand_from help" -f -a "listen" -d 'Receive webhooks locally: verify and print each delivery, optionally forward it'
complete -c altur -n "__fish_altur_using_subcommand webhook; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c altur -n "__fish_altur_using_subcommand api" -s f -l raw-field -d 'Add a string field to the JSON body (or the query, for GET and DELETE)' -r
complete -c altur -n "__fish_altur_using_subcommand api" -s F -l field -d 'Add a JSON field to the body: -F retries=3, -F \'cycles={"enabled":true}\'' -r
complete -c altur -n "__fish_altur_using_subcommand api" -l query -d 'Add a query parameter (percent-encoded; sent on every page of --paginate)' -r
complete -c altur -n "__fish_altur_using_subcommand api" -l input -d 'Send this file (- for stdin) as the body instead of fields' -r -F
complete -c altur -n "__fish_altur_using_subcommand api" -s H -l header -d 'Add a request header (\'Name: value\'); Authorization cannot be set' -r
complete -c altur -n "__fish_altur_using_subcommand api" -l idempotency-key -d 'Send this Idempotency-Key, which makes a POST or PATCH safe to re-send' -r
complete -c altur -n "__fish_altur_using_subcommand api" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table for people'
json\t'The server\'s JSON, pretty-printed'
ndjson\t'One compact JSON value per line (one per item for lists)'
id\t'The id alone'
csv\t'Lists: RFC 4180 with a header row (alone for an empty list), values as the API gives them'
transcript\t'Threads and their messages: a readable transcript, one line per message'"
complete -c altur -n "__fish_altur_using_subcommand api" -l profile -d 'Profile in the config file [env: ALTUR_PROFILE] [default: default]' -r
complete -c altur -n "__fish_altur_using_subcommand api" -l config -d 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]' -r -F
complete -c altur -n "__fish_altur_using_subcommand api" -l api-key-file -d 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]' -r -F
complete -c altur -n "__fish_altur_using_subcommand api" -l base-url -d 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]' -r
complete -c altur -n "__fish_altur_using_subcommand api" -l timeout -d 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]' -r
complete -c altur -n "__fish_altur_using_subcommand api" -l retries -d 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]' -r
complete -c altur -n "__fish_altur_using_subcommand api" -l jq -d 'Filter the JSON output with a jq expression; strings print raw (implies -o json)' -r
complete -c altur -n "__fish_altur_using_subcommand api" -l fields -d 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table\'s columns]' -r
complete -c altur -n "__fish_altur_using_subcommand api" -s i -l include -d 'Print the status line and headers before the body'
complete -c altur -n "__fish_altur_using_subcommand api" -l paginate -d 'Follow the API\'s paging (GET only): each page as one JSON line'
complete -c altur -n "__fish_altur_using_subcommand api" -l slurp -d 'With --paginate: print one JSON array of the pages (--jq then runs once over it)'
complete -c altur -n "__fish_altur_using_subcommand api" -s v -l verbose -d 'Trace requests and responses on stderr (the key is never shown)'
complete -c altur -n "__fish_altur_using_subcommand api" -l dry-run -d 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
complete -c altur -n "__fish_altur_using_subcommand api" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c altur -n "__fish_altur_using_subcommand call; and not __fish_seen_subcommand_from start get wait list recording recordings export help" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table for people'
json\t'The server\'s JSON, pretty-printed'
ndjson\t'One compact JSON value per line (one per item for lists)'
id\t'The id alone'
csv\t'Lists: RFC 4180 with a header row (alone for an empty list), values as the API gives them'
transcript\t'Threads and their messages: a readable transcript, one line per message'"
complete -c altur -n "__fish_altur_using_subcommand call; and not __fish_seen_subcommand_from start get wait list recording recordings export help" -l profile -d 'Profile in the config file [env: ALTUR_PROFILE] [default: default]' -r
complete -c altur -n "__fish_altur_using_subcommand call; and not __fish_seen_subcommand_from start get wait list recording recordings export help" -l config -d 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]' -r -F
complete -c altur -n "__fish_altur_using_subcommand call; and not __fish_seen_subcommand_from start get wait list recording recordings export help" -l api-key-file -d 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]' -r -F
complete -c altur -n "__fish_altur_using_subcommand call; and not __fish_seen_subcommand_from start get wait list recording recordings export help" -l base-url -d 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]' -r
complete -c altur -n "__fish_altur_using_subcommand call; and not __fish_seen_subcommand_from start get wait list recording recordings export help" -l timeout -d 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]' -r
complete -c altur -n "__fish_altur_using_subcommand call; and not __fish_seen_subcommand_from start get wait list recording recordings export help" -l retries -d 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]' -r
complete -c altur -n "__fish_altur_using_subcommand call; and not __fish_seen_subcommand_from start get wait list recording recordings export help" -l jq -d 'Filter the JSON output with a jq expression; strings print raw (implies -o json)' -r
complete -c altur -n "__fish_altur_using_subcommand call; and not __fish_seen_subcommand_from start get wait list recording recordings export help" -l fields -d 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table\'s columns]' -r
complete -c altur -n "__fish_altur_using_subcommand call; and not __fish_seen_subcommand_from start get wait list recording recordings export help" -s v -l verbose -d 'Trace requests and responses on stderr (the key is never shown)'
complete -c altur -n "__fish_altur_using_subcommand call; and not __fish_seen_subcommand_from start get wait list recording recordings export help" -l dry-run -d 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
complete -c altur -n "__fish_altur_using_subcommand call; and not __fish_seen_subcommand_from start get wait list recording recordings export help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c altur -n "__fish_altur_using_subcommand call; and not __fish_seen_subcommand_from start get wait list recording recordings export help" -f -a "start" -d 'Start an outbound phone call handled by an agent (POST /call)'
complete -c altur -n "__fish_altur_using_subcommand call; and not __fish_seen_subcommand_from start get wait list recording recordings export help" -f -a "get" -d 'Fetch one call'
complete -c altur -n "__fish_altur_using_subcommand call; and not __fish_seen_subcommand_from start get wait list recording recordings export help" -f -a "wait" -d 'Wait until a call ends: each status change on stderr, the final call on stdout'
complete -c altur -n "__fish_altur_using_subcommand call; and not __fish_seen_subcommand_from start get wait list recording recordings export help" -f -a "list" -d 'List the calls of a campaign (GET /campaigns/{id}/calls)'
complete -c altur -n "__fish_altur_using_subcommand call; and not __fish_seen_subcommand_from start get wait list recording recordings export help" -f -a "recording" -d 'Download one call\'s recording to a file'
complete -c altur -n "__fish_altur_using_subcommand call; and not __fish_seen_subcommand_from start get wait list recording recordings export help" -f -a "recordings" -d 'Download the recordings of a campaign\'s calls into a folder (resumable)'
complete -c altur -n "__fish_altur_using_subcommand call; and not __fish_seen_subcommand_from start get wait list recording recordings export help" -f -a "export" -d 'Export calls of campaigns into a folder: an index, transcripts, recordings (resumable)'
complete -c altur -n "__fish_altur_using_subcommand call; and not __fish_seen_subcommand_from start get wait list recording recordings export help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from start" -l agent -d 'The agent that makes the call' -r
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from start" -l to -d 'The number to call, E.164 (spaces, dashes, dots and parentheses are removed)' -r
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from start" -l name -l display-name -d 'The person\'s name, for the agent' -r
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from start" -l context -d 'Context for the agent, as text' -r
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from start" -l context-json -d 'Context for the agent, a JSON object from FILE (- for stdin)' -r -F
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from start" -l first-message -d 'What the agent says when the call is answered' -r
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from start" -l interval -d 'Seconds between two polls (0.01-3600) [default: 2]' -r
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from start" -l max-wait -d 'Seconds to wait at most before giving up with exit 11 (0-604800) [default: 3600]' -r
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from start" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table for people'
json\t'The server\'s JSON, pretty-printed'
ndjson\t'One compact JSON value per line (one per item for lists)'
id\t'The id alone'
csv\t'Lists: RFC 4180 with a header row (alone for an empty list), values as the API gives them'
transcript\t'Threads and their messages: a readable transcript, one line per message'"
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from start" -l profile -d 'Profile in the config file [env: ALTUR_PROFILE] [default: default]' -r
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from start" -l config -d 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]' -r -F
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from start" -l api-key-file -d 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]' -r -F
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from start" -l base-url -d 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]' -r
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from start" -l timeout -d 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]' -r
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from start" -l retries -d 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]' -r
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from start" -l jq -d 'Filter the JSON output with a jq expression; strings print raw (implies -o json)' -r
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from start" -l fields -d 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table\'s columns]' -r
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from start" -l wait -d 'Then wait until the call ends, like `call wait`'
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from start" -s v -l verbose -d 'Trace requests and responses on stderr (the key is never shown)'
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from start" -l dry-run -d 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from start" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from get" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table for people'
json\t'The server\'s JSON, pretty-printed'
ndjson\t'One compact JSON value per line (one per item for lists)'
id\t'The id alone'
csv\t'Lists: RFC 4180 with a header row (alone for an empty list), values as the API gives them'
transcript\t'Threads and their messages: a readable transcript, one line per message'"
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from get" -l profile -d 'Profile in the config file [env: ALTUR_PROFILE] [default: default]' -r
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from get" -l config -d 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]' -r -F
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from get" -l api-key-file -d 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]' -r -F
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from get" -l base-url -d 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]' -r
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from get" -l timeout -d 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]' -r
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from get" -l retries -d 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]' -r
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from get" -l jq -d 'Filter the JSON output with a jq expression; strings print raw (implies -o json)' -r
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from get" -l fields -d 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table\'s columns]' -r
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from get" -s v -l verbose -d 'Trace requests and responses on stderr (the key is never shown)'
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from get" -l dry-run -d 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from wait" -l interval -d 'Seconds between two polls (0.01-3600) [default: 2]' -r
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from wait" -l max-wait -d 'Seconds to wait at most before giving up with exit 11 (0-604800) [default: 3600]' -r
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from wait" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table for people'
json\t'The server\'s JSON, pretty-printed'
ndjson\t'One compact JSON value per line (one per item for lists)'
id\t'The id alone'
csv\t'Lists: RFC 4180 with a header row (alone for an empty list), values as the API gives them'
transcript\t'Threads and their messages: a readable transcript, one line per message'"
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from wait" -l profile -d 'Profile in the config file [env: ALTUR_PROFILE] [default: default]' -r
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from wait" -l config -d 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]' -r -F
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from wait" -l api-key-file -d 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]' -r -F
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from wait" -l base-url -d 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]' -r
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from wait" -l timeout -d 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]' -r
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from wait" -l retries -d 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]' -r
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from wait" -l jq -d 'Filter the JSON output with a jq expression; strings print raw (implies -o json)' -r
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from wait" -l fields -d 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table\'s columns]' -r
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from wait" -s v -l verbose -d 'Trace requests and responses on stderr (the key is never shown)'
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from wait" -l dry-run -d 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from wait" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from list" -l campaign -d 'The campaign (a positive integer)' -r
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from list" -l status -d 'Only calls with this status' -r -f -a "ended\t''
failed\t''
busy\t''
no-answer\t''
in-progress\t''"
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from list" -l answered-by -d 'Only calls answered by' -r -f -a "human\t''
machine\t''
unknown\t''"
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from list" -l since -d 'Only calls created at or after this ISO 8601 date or date-time' -r
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from list" -l until -d 'Only calls created before this ISO 8601 date or date-time' -r
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from list" -l limit -d 'Show at most N calls [default: 30]' -r
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from list" -l after -d 'Continue a list where a --limit stopped (the token it printed)' -r
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table for people'
json\t'The server\'s JSON, pretty-printed'
ndjson\t'One compact JSON value per line (one per item for lists)'
id\t'The id alone'
csv\t'Lists: RFC 4180 with a header row (alone for an empty list), values as the API gives them'
transcript\t'Threads and their messages: a readable transcript, one line per message'"
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from list" -l profile -d 'Profile in the config file [env: ALTUR_PROFILE] [default: default]' -r
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from list" -l config -d 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]' -r -F
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from list" -l api-key-file -d 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]' -r -F
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from list" -l base-url -d 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]' -r
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from list" -l timeout -d 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]' -r
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from list" -l retries -d 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]' -r
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from list" -l jq -d 'Filter the JSON output with a jq expression; strings print raw (implies -o json)' -r
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from list" -l fields -d 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table\'s columns]' -r
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from list" -l all -d 'Show every call'
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Trace requests and responses on stderr (the key is never shown)'
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from list" -l dry-run -d 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from recording" -l file -d 'Where to write it (- for stdout) [default: CALL_ID.EXT in the current folder]' -r -F
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from recording" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table for people'
json\t'The server\'s JSON, pretty-printed'
ndjson\t'One compact JSON value per line (one per item for lists)'
id\t'The id alone'
csv\t'Lists: RFC 4180 with a header row (alone for an empty list), values as the API gives them'
transcript\t'Threads and their messages: a readable transcript, one line per message'"
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from recording" -l profile -d 'Profile in the config file [env: ALTUR_PROFILE] [default: default]' -r
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from recording" -l config -d 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]' -r -F
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from recording" -l api-key-file -d 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]' -r -F
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from recording" -l base-url -d 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]' -r
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from recording" -l timeout -d 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]' -r
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from recording" -l retries -d 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]' -r
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from recording" -l jq -d 'Filter the JSON output with a jq expression; strings print raw (implies -o json)' -r
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from recording" -l fields -d 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table\'s columns]' -r
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from recording" -l force -d 'Replace a file that exists'
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from recording" -s v -l verbose -d 'Trace requests and responses on stderr (the key is never shown)'
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from recording" -l dry-run -d 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from recording" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from recordings" -l campaign -d 'The campaign (a positive integer)' -r
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from recordings" -l status -d 'Only calls with this status' -r -f -a "ended\t''
failed\t''
busy\t''
no-answer\t''
in-progress\t''"
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from recordings" -l answered-by -d 'Only calls answered by' -r -f -a "human\t''
machine\t''
unknown\t''"
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from recordings" -l since -d 'Only calls created at or after this ISO 8601 date or date-time' -r
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from recordings" -l until -d 'Only calls created before this ISO 8601 date or date-time' -r
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from recordings" -l dir -d 'The folder for the recordings (created if missing)' -r -F
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from recordings" -l concurrency -d 'Downloads at once (1-16)' -r
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from recordings" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table for people'
json\t'The server\'s JSON, pretty-printed'
ndjson\t'One compact JSON value per line (one per item for lists)'
id\t'The id alone'
csv\t'Lists: RFC 4180 with a header row (alone for an empty list), values as the API gives them'
transcript\t'Threads and their messages: a readable transcript, one line per message'"
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from recordings" -l profile -d 'Profile in the config file [env: ALTUR_PROFILE] [default: default]' -r
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from recordings" -l config -d 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]' -r -F
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from recordings" -l api-key-file -d 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]' -r -F
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from recordings" -l base-url -d 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]' -r
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from recordings" -l timeout -d 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]' -r
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from recordings" -l retries -d 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]' -r
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from recordings" -l jq -d 'Filter the JSON output with a jq expression; strings print raw (implies -o json)' -r
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from recordings" -l fields -d 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table\'s columns]' -r
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from recordings" -s v -l verbose -d 'Trace requests and responses on stderr (the key is never shown)'
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from recordings" -l dry-run -d 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from recordings" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from export" -l dir -d 'The folder to export into (created if missing)' -r -F
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from export" -l campaign -d 'A campaign to export (repeatable); without it, the campaigns GET /campaigns lists' -r
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from export" -l agent -d 'Only campaigns of this agent (when no --campaign is given)' -r
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from export" -l campaign-status -d 'Only campaigns in this status (when no --campaign is given)' -r -f -a "pending\t''
ready\t''
active\t''
inactive\t''
cooldown\t''
finished\t''"
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from export" -l status -d 'Only calls with this status' -r -f -a "ended\t''
failed\t''
busy\t''
no-answer\t''
in-progress\t''"
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from export" -l answered-by -d 'Only calls answered by' -r -f -a "human\t''
machine\t''
unknown\t''"
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from export" -l since -d 'Only campaigns and calls from this ISO 8601 date or date-time' -r
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from export" -l until -d 'Only campaigns and calls before this ISO 8601 date or date-time' -r
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from export" -l tag -d 'Only calls with this tag (repeatable: any of them)' -r
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from export" -l where -d 'Only calls whose dotted FIELD equals VALUE (repeatable: all of them)' -r
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from export" -l with -d 'What to write beside the index' -r -f -a "transcripts\t''
recordings\t''"
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from export" -l name -d 'The name of each call\'s files, without extension [default: {id}]' -r
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from export" -l index -d 'The index\'s format: DIR/calls.ndjson or DIR/calls.csv' -r -f -a "ndjson\t''
csv\t''"
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from export" -l concurrency -d 'Calls handled at once (1-16)' -r
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from export" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table for people'
json\t'The server\'s JSON, pretty-printed'
ndjson\t'One compact JSON value per line (one per item for lists)'
id\t'The id alone'
csv\t'Lists: RFC 4180 with a header row (alone for an empty list), values as the API gives them'
transcript\t'Threads and their messages: a readable transcript, one line per message'"
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from export" -l profile -d 'Profile in the config file [env: ALTUR_PROFILE] [default: default]' -r
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from export" -l config -d 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]' -r -F
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from export" -l api-key-file -d 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]' -r -F
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from export" -l base-url -d 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]' -r
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from export" -l timeout -d 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]' -r
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from export" -l retries -d 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]' -r
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from export" -l jq -d 'Filter the JSON output with a jq expression; strings print raw (implies -o json)' -r
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from export" -l fields -d 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table\'s columns]' -r
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from export" -s v -l verbose -d 'Trace requests and responses on stderr (the key is never shown)'
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from export" -l dry-run -d 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from help" -f -a "start" -d 'Start an outbound phone call handled by an agent (POST /call)'
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from help" -f -a "get" -d 'Fetch one call'
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from help" -f -a "wait" -d 'Wait until a call ends: each status change on stderr, the final call on stdout'
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the calls of a campaign (GET /campaigns/{id}/calls)'
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from help" -f -a "recording" -d 'Download one call\'s recording to a file'
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from help" -f -a "recordings" -d 'Download the recordings of a campaign\'s calls into a folder (resumable)'
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from help" -f -a "export" -d 'Export calls of campaigns into a folder: an index, transcripts, recordings (resumable)'
complete -c altur -n "__fish_altur_using_subcommand call; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c altur -n "__fish_altur_using_subcommand message; and not __fish_seen_subcommand_from send list help" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table for people'
json\t'The server\'s JSON, pretty-printed'
ndjson\t'One compact JSON value per line (one per item for lists)'
id\t'The id alone'
csv\t'Lists: RFC 4180 with a header row (alone for an empty list), values as the API gives them'
transcript\t'Threads and their messages: a readable transcript, one line per message'"
complete -c altur -n "__fish_altur_using_subcommand message; and not __fish_seen_subcommand_from send list help" -l profile -d 'Profile in the config file [env: ALTUR_PROFILE] [default: default]' -r
complete -c altur -n "__fish_altur_using_subcommand message; and not __fish_seen_subcommand_from send list help" -l config -d 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]' -r -F
complete -c altur -n "__fish_altur_using_subcommand message; and not __fish_seen_subcommand_from send list help" -l api-key-file -d 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]' -r -F
complete -c altur -n "__fish_altur_using_subcommand message; and not __fish_seen_subcommand_from send list help" -l base-url -d 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]' -r
complete -c altur -n "__fish_altur_using_subcommand message; and not __fish_seen_subcommand_from send list help" -l timeout -d 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]' -r
complete -c altur -n "__fish_altur_using_subcommand message; and not __fish_seen_subcommand_from send list help" -l retries -d 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]' -r
complete -c altur -n "__fish_altur_using_subcommand message; and not __fish_seen_subcommand_from send list help" -l jq -d 'Filter the JSON output with a jq expression; strings print raw (implies -o json)' -r
complete -c altur -n "__fish_altur_using_subcommand message; and not __fish_seen_subcommand_from send list help" -l fields -d 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table\'s columns]' -r
complete -c altur -n "__fish_altur_using_subcommand message; and not __fish_seen_subcommand_from send list help" -s v -l verbose -d 'Trace requests and responses on stderr (the key is never shown)'
complete -c altur -n "__fish_altur_using_subcommand message; and not __fish_seen_subcommand_from send list help" -l dry-run -d 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
complete -c altur -n "__fish_altur_using_subcommand message; and not __fish_seen_subcommand_from send list help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c altur -n "__fish_altur_using_subcommand message; and not __fish_seen_subcommand_from send list help" -f -a "send" -d 'Send an EndUser\'s message to an agent and print the agent\'s replies'
complete -c altur -n "__fish_altur_using_subcommand message; and not __fish_seen_subcommand_from send list help" -f -a "list" -d 'List a thread\'s messages, oldest first'
complete -c altur -n "__fish_altur_using_subcommand message; and not __fish_seen_subcommand_from send list help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c altur -n "__fish_altur_using_subcommand message; and __fish_seen_subcommand_from send" -l agent -d 'The agent that answers' -r
complete -c altur -n "__fish_altur_using_subcommand message; and __fish_seen_subcommand_from send" -l enduser -d 'The EndUser who sends the message (a UUID)' -r
complete -c altur -n "__fish_altur_using_subcommand message; and __fish_seen_subcommand_from send" -l content -d 'The message' -r
complete -c altur -n "__fish_altur_using_subcommand message; and __fish_seen_subcommand_from send" -l content-file -d 'Read the message from a file (- for stdin)' -r -F
complete -c altur -n "__fish_altur_using_subcommand message; and __fish_seen_subcommand_from send" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table for people'
json\t'The server\'s JSON, pretty-printed'
ndjson\t'One compact JSON value per line (one per item for lists)'
id\t'The id alone'
csv\t'Lists: RFC 4180 with a header row (alone for an empty list), values as the API gives them'
transcript\t'Threads and their messages: a readable transcript, one line per message'"
complete -c altur -n "__fish_altur_using_subcommand message; and __fish_seen_subcommand_from send" -l profile -d 'Profile in the config file [env: ALTUR_PROFILE] [default: default]' -r
complete -c altur -n "__fish_altur_using_subcommand message; and __fish_seen_subcommand_from send" -l config -d 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]' -r -F
complete -c altur -n "__fish_altur_using_subcommand message; and __fish_seen_subcommand_from send" -l api-key-file -d 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]' -r -F
complete -c altur -n "__fish_altur_using_subcommand message; and __fish_seen_subcommand_from send" -l base-url -d 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]' -r
complete -c altur -n "__fish_altur_using_subcommand message; and __fish_seen_subcommand_from send" -l timeout -d 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]' -r
complete -c altur -n "__fish_altur_using_subcommand message; and __fish_seen_subcommand_from send" -l retries -d 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]' -r
complete -c altur -n "__fish_altur_using_subcommand message; and __fish_seen_subcommand_from send" -l jq -d 'Filter the JSON output with a jq expression; strings print raw (implies -o json)' -r
complete -c altur -n "__fish_altur_using_subcommand message; and __fish_seen_subcommand_from send" -l fields -d 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table\'s columns]' -r
complete -c altur -n "__fish_altur_using_subcommand message; and __fish_seen_subcommand_from send" -s v -l verbose -d 'Trace requests and responses on stderr (the key is never shown)'
complete -c altur -n "__fish_altur_using_subcommand message; and __fish_seen_subcommand_from send" -l dry-run -d 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
complete -c altur -n "__fish_altur_using_subcommand message; and __fish_seen_subcommand_from send" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c altur -n "__fish_altur_using_subcommand message; and __fish_seen_subcommand_from list" -l tz -d 'The zone of -o transcript\'s times: UTC (the default), an offset (+05:30, -06:00) or a tz database name (America/Mexico_City, read from $TZDIR or /usr/share/zoneinfo)' -r
complete -c altur -n "__fish_altur_using_subcommand message; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table for people'
json\t'The server\'s JSON, pretty-printed'
ndjson\t'One compact JSON value per line (one per item for lists)'
id\t'The id alone'
csv\t'Lists: RFC 4180 with a header row (alone for an empty list), values as the API gives them'
transcript\t'Threads and their messages: a readable transcript, one line per message'"
complete -c altur -n "__fish_altur_using_subcommand message; and __fish_seen_subcommand_from list" -l profile -d 'Profile in the config file [env: ALTUR_PROFILE] [default: default]' -r
complete -c altur -n "__fish_altur_using_subcommand message; and __fish_seen_subcommand_from list" -l config -d 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]' -r -F
complete -c altur -n "__fish_altur_using_subcommand message; and __fish_seen_subcommand_from list" -l api-key-file -d 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]' -r -F
complete -c altur -n "__fish_altur_using_subcommand message; and __fish_seen_subcommand_from list" -l base-url -d 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]' -r
complete -c altur -n "__fish_altur_using_subcommand message; and __fish_seen_subcommand_from list" -l timeout -d 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]' -r
complete -c altur -n "__fish_altur_using_subcommand message; and __fish_seen_subcommand_from list" -l retries -d 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]' -r
complete -c altur -n "__fish_altur_using_subcommand message; and __fish_seen_subcommand_from list" -l jq -d 'Filter the JSON output with a jq expression; strings print raw (implies -o json)' -r
complete -c altur -n "__fish_altur_using_subcommand message; and __fish_seen_subcommand_from list" -l fields -d 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table\'s columns]' -r
complete -c altur -n "__fish_altur_using_subcommand message; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Trace requests and responses on stderr (the key is never shown)'
complete -c altur -n "__fish_altur_using_subcommand message; and __fish_seen_subcommand_from list" -l dry-run -d 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
complete -c altur -n "__fish_altur_using_subcommand message; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c altur -n "__fish_altur_using_subcommand message; and __fish_seen_subcommand_from help" -f -a "send" -d 'Send an EndUser\'s message to an agent and print the agent\'s replies'
complete -c altur -n "__fish_altur_using_subcommand message; and __fish_seen_subcommand_from help" -f -a "list" -d 'List a thread\'s messages, oldest first'
complete -c altur -n "__fish_altur_using_subcommand message; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c altur -n "__fish_altur_using_subcommand thread; and not __fish_seen_subcommand_from get help" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table for people'
json\t'The server\'s JSON, pretty-printed'
ndjson\t'One compact JSON value per line (one per item for lists)'
id\t'The id alone'
csv\t'Lists: RFC 4180 with a header row (alone for an empty list), values as the API gives them'
transcript\t'Threads and their messages: a readable transcript, one line per message'"
complete -c altur -n "__fish_altur_using_subcommand thread; and not __fish_seen_subcommand_from get help" -l profile -d 'Profile in the config file [env: ALTUR_PROFILE] [default: default]' -r
complete -c altur -n "__fish_altur_using_subcommand thread; and not __fish_seen_subcommand_from get help" -l config -d 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]' -r -F
complete -c altur -n "__fish_altur_using_subcommand thread; and not __fish_seen_subcommand_from get help" -l api-key-file -d 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]' -r -F
complete -c altur -n "__fish_altur_using_subcommand thread; and not __fish_seen_subcommand_from get help" -l base-url -d 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]' -r
complete -c altur -n "__fish_altur_using_subcommand thread; and not __fish_seen_subcommand_from get help" -l timeout -d 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]' -r
complete -c altur -n "__fish_altur_using_subcommand thread; and not __fish_seen_subcommand_from get help" -l retries -d 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]' -r
complete -c altur -n "__fish_altur_using_subcommand thread; and not __fish_seen_subcommand_from get help" -l jq -d 'Filter the JSON output with a jq expression; strings print raw (implies -o json)' -r
complete -c altur -n "__fish_altur_using_subcommand thread; and not __fish_seen_subcommand_from get help" -l fields -d 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table\'s columns]' -r
complete -c altur -n "__fish_altur_using_subcommand thread; and not __fish_seen_subcommand_from get help" -s v -l verbose -d 'Trace requests and responses on stderr (the key is never shown)'
complete -c altur -n "__fish_altur_using_subcommand thread; and not __fish_seen_subcommand_from get help" -l dry-run -d 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
complete -c altur -n "__fish_altur_using_subcommand thread; and not __fish_seen_subcommand_from get help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c altur -n "__fish_altur_using_subcommand thread; and not __fish_seen_subcommand_from get help" -f -a "get" -d 'Fetch a thread with its agent, EndUser, integration, tags and assignees'
complete -c altur -n "__fish_altur_using_subcommand thread; and not __fish_seen_subcommand_from get help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c altur -n "__fish_altur_using_subcommand thread; and __fish_seen_subcommand_from get" -l tz -d 'The zone of -o transcript\'s times: UTC (the default), an offset (+05:30, -06:00) or a tz database name (America/Mexico_City, read from $TZDIR or /usr/share/zoneinfo)' -r
complete -c altur -n "__fish_altur_using_subcommand thread; and __fish_seen_subcommand_from get" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table for people'
json\t'The server\'s JSON, pretty-printed'
ndjson\t'One compact JSON value per line (one per item for lists)'
id\t'The id alone'
csv\t'Lists: RFC 4180 with a header row (alone for an empty list), values as the API gives them'
transcript\t'Threads and their messages: a readable transcript, one line per message'"
complete -c altur -n "__fish_altur_using_subcommand thread; and __fish_seen_subcommand_from get" -l profile -d 'Profile in the config file [env: ALTUR_PROFILE] [default: default]' -r
complete -c altur -n "__fish_altur_using_subcommand thread; and __fish_seen_subcommand_from get" -l config -d 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]' -r -F
complete -c altur -n "__fish_altur_using_subcommand thread; and __fish_seen_subcommand_from get" -l api-key-file -d 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]' -r -F
complete -c altur -n "__fish_altur_using_subcommand thread; and __fish_seen_subcommand_from get" -l base-url -d 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]' -r
complete -c altur -n "__fish_altur_using_subcommand thread; and __fish_seen_subcommand_from get" -l timeout -d 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]' -r
complete -c altur -n "__fish_altur_using_subcommand thread; and __fish_seen_subcommand_from get" -l retries -d 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]' -r
complete -c altur -n "__fish_altur_using_subcommand thread; and __fish_seen_subcommand_from get" -l jq -d 'Filter the JSON output with a jq expression; strings print raw (implies -o json)' -r
complete -c altur -n "__fish_altur_using_subcommand thread; and __fish_seen_subcommand_from get" -l fields -d 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table\'s columns]' -r
complete -c altur -n "__fish_altur_using_subcommand thread; and __fish_seen_subcommand_from get" -s v -l verbose -d 'Trace requests and responses on stderr (the key is never shown)'
complete -c altur -n "__fish_altur_using_subcommand thread; and __fish_seen_subcommand_from get" -l dry-run -d 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
complete -c altur -n "__fish_altur_using_subcommand thread; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c altur -n "__fish_altur_using_subcommand thread; and __fish_seen_subcommand_from help" -f -a "get" -d 'Fetch a thread with its agent, EndUser, integration, tags and assignees'
complete -c altur -n "__fish_altur_using_subcommand thread; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c altur -n "__fish_altur_using_subcommand chat" -l agent -d 'The agent to talk to' -r
complete -c altur -n "__fish_altur_using_subcommand chat" -l enduser -d 'Talk as this EndUser (a UUID)' -r
complete -c altur -n "__fish_altur_using_subcommand chat" -l name -l display-name -d 'Create an EndUser with this name first and talk as them (the id goes to stderr)' -r
complete -c altur -n "__fish_altur_using_subcommand chat" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table for people'
json\t'The server\'s JSON, pretty-printed'
ndjson\t'One compact JSON value per line (one per item for lists)'
id\t'The id alone'
csv\t'Lists: RFC 4180 with a header row (alone for an empty list), values as the API gives them'
transcript\t'Threads and their messages: a readable transcript, one line per message'"
complete -c altur -n "__fish_altur_using_subcommand chat" -l profile -d 'Profile in the config file [env: ALTUR_PROFILE] [default: default]' -r
complete -c altur -n "__fish_altur_using_subcommand chat" -l config -d 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]' -r -F
complete -c altur -n "__fish_altur_using_subcommand chat" -l api-key-file -d 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]' -r -F
complete -c altur -n "__fish_altur_using_subcommand chat" -l base-url -d 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]' -r
complete -c altur -n "__fish_altur_using_subcommand chat" -l timeout -d 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]' -r
complete -c altur -n "__fish_altur_using_subcommand chat" -l retries -d 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]' -r
complete -c altur -n "__fish_altur_using_subcommand chat" -l jq -d 'Filter the JSON output with a jq expression; strings print raw (implies -o json)' -r
complete -c altur -n "__fish_altur_using_subcommand chat" -l fields -d 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table\'s columns]' -r
complete -c altur -n "__fish_altur_using_subcommand chat" -l fail-fast -d 'Stop at the first failed message'
complete -c altur -n "__fish_altur_using_subcommand chat" -s v -l verbose -d 'Trace requests and responses on stderr (the key is never shown)'
complete -c altur -n "__fish_altur_using_subcommand chat" -l dry-run -d 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
complete -c altur -n "__fish_altur_using_subcommand chat" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c altur -n "__fish_altur_using_subcommand campaign; and not __fish_seen_subcommand_from list get create update activate pause resume archive help" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table for people'
json\t'The server\'s JSON, pretty-printed'
ndjson\t'One compact JSON value per line (one per item for lists)'
id\t'The id alone'
csv\t'Lists: RFC 4180 with a header row (alone for an empty list), values as the API gives them'
transcript\t'Threads and their messages: a readable transcript, one line per message'"
complete -c altur -n "__fish_altur_using_subcommand campaign; and not __fish_seen_subcommand_from list get create update activate pause resume archive help" -l profile -d 'Profile in the config file [env: ALTUR_PROFILE] [default: default]' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and not __fish_seen_subcommand_from list get create update activate pause resume archive help" -l config -d 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]' -r -F
complete -c altur -n "__fish_altur_using_subcommand campaign; and not __fish_seen_subcommand_from list get create update activate pause resume archive help" -l api-key-file -d 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]' -r -F
complete -c altur -n "__fish_altur_using_subcommand campaign; and not __fish_seen_subcommand_from list get create update activate pause resume archive help" -l base-url -d 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and not __fish_seen_subcommand_from list get create update activate pause resume archive help" -l timeout -d 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and not __fish_seen_subcommand_from list get create update activate pause resume archive help" -l retries -d 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and not __fish_seen_subcommand_from list get create update activate pause resume archive help" -l jq -d 'Filter the JSON output with a jq expression; strings print raw (implies -o json)' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and not __fish_seen_subcommand_from list get create update activate pause resume archive help" -l fields -d 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table\'s columns]' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and not __fish_seen_subcommand_from list get create update activate pause resume archive help" -s v -l verbose -d 'Trace requests and responses on stderr (the key is never shown)'
complete -c altur -n "__fish_altur_using_subcommand campaign; and not __fish_seen_subcommand_from list get create update activate pause resume archive help" -l dry-run -d 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
complete -c altur -n "__fish_altur_using_subcommand campaign; and not __fish_seen_subcommand_from list get create update activate pause resume archive help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c altur -n "__fish_altur_using_subcommand campaign; and not __fish_seen_subcommand_from list get create update activate pause resume archive help" -f -a "list" -d 'List campaigns, newest first'
complete -c altur -n "__fish_altur_using_subcommand campaign; and not __fish_seen_subcommand_from list get create update activate pause resume archive help" -f -a "get" -d 'Show a campaign with its analytics'
complete -c altur -n "__fish_altur_using_subcommand campaign; and not __fish_seen_subcommand_from list get create update activate pause resume archive help" -f -a "create" -d 'Create a phone-call or WhatsApp campaign'
complete -c altur -n "__fish_altur_using_subcommand campaign; and not __fish_seen_subcommand_from list get create update activate pause resume archive help" -f -a "update" -d 'Change some fields of a campaign (only those given are sent)'
complete -c altur -n "__fish_altur_using_subcommand campaign; and not __fish_seen_subcommand_from list get create update activate pause resume archive help" -f -a "activate" -d 'Start a campaign (from pending, ready or cooldown)'
complete -c altur -n "__fish_altur_using_subcommand campaign; and not __fish_seen_subcommand_from list get create update activate pause resume archive help" -f -a "pause" -d 'Pause a campaign (from active or cooldown)'
complete -c altur -n "__fish_altur_using_subcommand campaign; and not __fish_seen_subcommand_from list get create update activate pause resume archive help" -f -a "resume" -d 'Resume a paused campaign'
complete -c altur -n "__fish_altur_using_subcommand campaign; and not __fish_seen_subcommand_from list get create update activate pause resume archive help" -f -a "archive" -d 'Archive a campaign (from any status)'
complete -c altur -n "__fish_altur_using_subcommand campaign; and not __fish_seen_subcommand_from list get create update activate pause resume archive help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from list" -l status -d 'Only campaigns in this status' -r -f -a "pending\t''
ready\t''
active\t''
inactive\t''
cooldown\t''
finished\t''"
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from list" -l integration -d 'Only campaigns of this channel' -r -f -a "phone_call\t''
whatsapp\t''"
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from list" -l agent -d 'Only campaigns of this agent' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from list" -l since -d 'Created at or after this ISO 8601 date or date-time' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from list" -l until -d 'Created at or before this date [default with --since: now]' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from list" -l limit -d 'Show at most N items [default: 30]' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from list" -l after -d 'Continue a list where an earlier one stopped (the token it printed)' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table for people'
json\t'The server\'s JSON, pretty-printed'
ndjson\t'One compact JSON value per line (one per item for lists)'
id\t'The id alone'
csv\t'Lists: RFC 4180 with a header row (alone for an empty list), values as the API gives them'
transcript\t'Threads and their messages: a readable transcript, one line per message'"
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from list" -l profile -d 'Profile in the config file [env: ALTUR_PROFILE] [default: default]' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from list" -l config -d 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]' -r -F
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from list" -l api-key-file -d 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]' -r -F
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from list" -l base-url -d 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from list" -l timeout -d 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from list" -l retries -d 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from list" -l jq -d 'Filter the JSON output with a jq expression; strings print raw (implies -o json)' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from list" -l fields -d 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table\'s columns]' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from list" -l archived -d 'List archived campaigns'
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from list" -l all -d 'Show every item'
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Trace requests and responses on stderr (the key is never shown)'
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from list" -l dry-run -d 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from get" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table for people'
json\t'The server\'s JSON, pretty-printed'
ndjson\t'One compact JSON value per line (one per item for lists)'
id\t'The id alone'
csv\t'Lists: RFC 4180 with a header row (alone for an empty list), values as the API gives them'
transcript\t'Threads and their messages: a readable transcript, one line per message'"
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from get" -l profile -d 'Profile in the config file [env: ALTUR_PROFILE] [default: default]' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from get" -l config -d 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]' -r -F
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from get" -l api-key-file -d 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]' -r -F
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from get" -l base-url -d 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from get" -l timeout -d 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from get" -l retries -d 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from get" -l jq -d 'Filter the JSON output with a jq expression; strings print raw (implies -o json)' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from get" -l fields -d 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table\'s columns]' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from get" -s v -l verbose -d 'Trace requests and responses on stderr (the key is never shown)'
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from get" -l dry-run -d 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from create" -l agent -d 'The agent that calls or writes (its id)' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from create" -l integration-id -d 'The integration (phone line or WhatsApp number) of the agent' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from create" -l channel -d 'The channel: phone_call or whatsapp' -r -f -a "phone_call\t''
whatsapp\t''"
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from create" -l name -d 'Campaign name (1-255 characters)' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from create" -l description -d 'Description' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from create" -l timezone -d 'IANA time zone of the schedule [API default: America/Mexico_City]' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from create" -l contact-retries -d 'Times a contact is tried again (0-5; the body\'s `retries`)' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from create" -l message-limit -d 'Messages per run (1-10000)' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from create" -l first-message -d 'What the agent says first (phone_call only)' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from create" -l template -d 'WhatsApp template name (whatsapp only)' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from create" -l template-alt -d 'Alternate WhatsApp template (whatsapp only)' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from create" -l schedule -d 'Days and hours to run, like \'mon-fri 09:00-18:00\' (repeatable)' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from create" -l input -d 'The body as a JSON object from FILE (- for stdin); flags override its fields' -r -F
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from create" -l idempotency-key -d 'Idempotency-Key to send [default: a new UUID]; reuse it to retry a create safely' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from create" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table for people'
json\t'The server\'s JSON, pretty-printed'
ndjson\t'One compact JSON value per line (one per item for lists)'
id\t'The id alone'
csv\t'Lists: RFC 4180 with a header row (alone for an empty list), values as the API gives them'
transcript\t'Threads and their messages: a readable transcript, one line per message'"
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from create" -l profile -d 'Profile in the config file [env: ALTUR_PROFILE] [default: default]' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from create" -l config -d 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]' -r -F
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from create" -l api-key-file -d 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]' -r -F
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from create" -l base-url -d 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from create" -l timeout -d 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from create" -l retries -d 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from create" -l jq -d 'Filter the JSON output with a jq expression; strings print raw (implies -o json)' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from create" -l fields -d 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table\'s columns]' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from create" -s v -l verbose -d 'Trace requests and responses on stderr (the key is never shown)'
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from create" -l dry-run -d 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from update" -l name -d 'Campaign name (1-255 characters)' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from update" -l description -d 'Description' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from update" -l timezone -d 'IANA time zone of the schedule [API default: America/Mexico_City]' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from update" -l contact-retries -d 'Times a contact is tried again (0-5; the body\'s `retries`)' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from update" -l message-limit -d 'Messages per run (1-10000)' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from update" -l first-message -d 'What the agent says first (phone_call only)' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from update" -l template -d 'WhatsApp template name (whatsapp only)' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from update" -l template-alt -d 'Alternate WhatsApp template (whatsapp only)' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from update" -l schedule -d 'Days and hours to run, like \'mon-fri 09:00-18:00\' (repeatable)' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from update" -l input -d 'The body as a JSON object from FILE (- for stdin); flags override its fields' -r -F
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from update" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table for people'
json\t'The server\'s JSON, pretty-printed'
ndjson\t'One compact JSON value per line (one per item for lists)'
id\t'The id alone'
csv\t'Lists: RFC 4180 with a header row (alone for an empty list), values as the API gives them'
transcript\t'Threads and their messages: a readable transcript, one line per message'"
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from update" -l profile -d 'Profile in the config file [env: ALTUR_PROFILE] [default: default]' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from update" -l config -d 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]' -r -F
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from update" -l api-key-file -d 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]' -r -F
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from update" -l base-url -d 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from update" -l timeout -d 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from update" -l retries -d 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from update" -l jq -d 'Filter the JSON output with a jq expression; strings print raw (implies -o json)' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from update" -l fields -d 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table\'s columns]' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from update" -s v -l verbose -d 'Trace requests and responses on stderr (the key is never shown)'
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from update" -l dry-run -d 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from update" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from activate" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table for people'
json\t'The server\'s JSON, pretty-printed'
ndjson\t'One compact JSON value per line (one per item for lists)'
id\t'The id alone'
csv\t'Lists: RFC 4180 with a header row (alone for an empty list), values as the API gives them'
transcript\t'Threads and their messages: a readable transcript, one line per message'"
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from activate" -l profile -d 'Profile in the config file [env: ALTUR_PROFILE] [default: default]' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from activate" -l config -d 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]' -r -F
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from activate" -l api-key-file -d 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]' -r -F
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from activate" -l base-url -d 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from activate" -l timeout -d 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from activate" -l retries -d 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from activate" -l jq -d 'Filter the JSON output with a jq expression; strings print raw (implies -o json)' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from activate" -l fields -d 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table\'s columns]' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from activate" -s v -l verbose -d 'Trace requests and responses on stderr (the key is never shown)'
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from activate" -l dry-run -d 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from activate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from pause" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table for people'
json\t'The server\'s JSON, pretty-printed'
ndjson\t'One compact JSON value per line (one per item for lists)'
id\t'The id alone'
csv\t'Lists: RFC 4180 with a header row (alone for an empty list), values as the API gives them'
transcript\t'Threads and their messages: a readable transcript, one line per message'"
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from pause" -l profile -d 'Profile in the config file [env: ALTUR_PROFILE] [default: default]' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from pause" -l config -d 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]' -r -F
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from pause" -l api-key-file -d 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]' -r -F
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from pause" -l base-url -d 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from pause" -l timeout -d 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from pause" -l retries -d 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from pause" -l jq -d 'Filter the JSON output with a jq expression; strings print raw (implies -o json)' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from pause" -l fields -d 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table\'s columns]' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from pause" -s v -l verbose -d 'Trace requests and responses on stderr (the key is never shown)'
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from pause" -l dry-run -d 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from pause" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from resume" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table for people'
json\t'The server\'s JSON, pretty-printed'
ndjson\t'One compact JSON value per line (one per item for lists)'
id\t'The id alone'
csv\t'Lists: RFC 4180 with a header row (alone for an empty list), values as the API gives them'
transcript\t'Threads and their messages: a readable transcript, one line per message'"
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from resume" -l profile -d 'Profile in the config file [env: ALTUR_PROFILE] [default: default]' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from resume" -l config -d 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]' -r -F
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from resume" -l api-key-file -d 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]' -r -F
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from resume" -l base-url -d 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from resume" -l timeout -d 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from resume" -l retries -d 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from resume" -l jq -d 'Filter the JSON output with a jq expression; strings print raw (implies -o json)' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from resume" -l fields -d 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table\'s columns]' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from resume" -s v -l verbose -d 'Trace requests and responses on stderr (the key is never shown)'
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from resume" -l dry-run -d 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from resume" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from archive" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table for people'
json\t'The server\'s JSON, pretty-printed'
ndjson\t'One compact JSON value per line (one per item for lists)'
id\t'The id alone'
csv\t'Lists: RFC 4180 with a header row (alone for an empty list), values as the API gives them'
transcript\t'Threads and their messages: a readable transcript, one line per message'"
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from archive" -l profile -d 'Profile in the config file [env: ALTUR_PROFILE] [default: default]' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from archive" -l config -d 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]' -r -F
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from archive" -l api-key-file -d 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]' -r -F
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from archive" -l base-url -d 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from archive" -l timeout -d 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from archive" -l retries -d 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from archive" -l jq -d 'Filter the JSON output with a jq expression; strings print raw (implies -o json)' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from archive" -l fields -d 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table\'s columns]' -r
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from archive" -s v -l verbose -d 'Trace requests and responses on stderr (the key is never shown)'
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from archive" -l dry-run -d 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from archive" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from help" -f -a "list" -d 'List campaigns, newest first'
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from help" -f -a "get" -d 'Show a campaign with its analytics'
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a phone-call or WhatsApp campaign'
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from help" -f -a "update" -d 'Change some fields of a campaign (only those given are sent)'
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from help" -f -a "activate" -d 'Start a campaign (from pending, ready or cooldown)'
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from help" -f -a "pause" -d 'Pause a campaign (from active or cooldown)'
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from help" -f -a "resume" -d 'Resume a paused campaign'
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from help" -f -a "archive" -d 'Archive a campaign (from any status)'
complete -c altur -n "__fish_altur_using_subcommand campaign; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c altur -n "__fish_altur_using_subcommand contact; and not __fish_seen_subcommand_from add import list get delete help" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table for people'
json\t'The server\'s JSON, pretty-printed'
ndjson\t'One compact JSON value per line (one per item for lists)'
id\t'The id alone'
csv\t'Lists: RFC 4180 with a header row (alone for an empty list), values as the API gives them'
transcript\t'Threads and their messages: a readable transcript, one line per message'"
complete -c altur -n "__fish_altur_using_subcommand contact; and not __fish_seen_subcommand_from add import list get delete help" -l profile -d 'Profile in the config file [env: ALTUR_PROFILE] [default: default]' -r
complete -c altur -n "__fish_altur_using_subcommand contact; and not __fish_seen_subcommand_from add import list get delete help" -l config -d 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]' -r -F
complete -c altur -n "__fish_altur_using_subcommand contact; and not __fish_seen_subcommand_from add import list get delete help" -l api-key-file -d 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]' -r -F
complete -c altur -n "__fish_altur_using_subcommand contact; and not __fish_seen_subcommand_from add import list get delete help" -l base-url -d 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]' -r
complete -c altur -n "__fish_altur_using_subcommand contact; and not __fish_seen_subcommand_from add import list get delete help" -l timeout -d 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]' -r
complete -c altur -n "__fish_altur_using_subcommand contact; and not __fish_seen_subcommand_from add import list get delete help" -l retries -d 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]' -r
complete -c altur -n "__fish_altur_using_subcommand contact; and not __fish_seen_subcommand_from add import list get delete help" -l jq -d 'Filter the JSON output with a jq expression; strings print raw (implies -o json)' -r
complete -c altur -n "__fish_altur_using_subcommand contact; and not __fish_seen_subcommand_from add import list get delete help" -l fields -d 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table\'s columns]' -r
complete -c altur -n "__fish_altur_using_subcommand contact; and not __fish_seen_subcommand_from add import list get delete help" -s v -l verbose -d 'Trace requests and responses on stderr (the key is never shown)'
complete -c altur -n "__fish_altur_using_subcommand contact; and not __fish_seen_subcommand_from add import list get delete help" -l dry-run -d 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
complete -c altur -n "__fish_altur_using_subcommand contact; and not __fish_seen_subcommand_from add import list get delete help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c altur -n "__fish_altur_using_subcommand contact; and not __fish_seen_subcommand_from add import list get delete help" -f -a "add" -d 'Add one contact to a campaign'
complete -c altur -n "__fish_altur_using_subcommand contact; and not __fish_seen_subcommand_from add import list get delete help" -f -a "import" -d 'Add many contacts from a CSV, NDJSON or JSON file, in batches of up to 1000'
complete -c altur -n "__fish_altur_using_subcommand contact; and not __fish_seen_subcommand_from add import list get delete help" -f -a "list" -d 'List the contacts of a campaign'
complete -c altur -n "__fish_altur_using_subcommand contact; and not __fish_seen_subcommand_from add import list get delete help" -f -a "get" -d 'Show one contact'
complete -c altur -n "__fish_altur_using_subcommand contact; and not __fish_seen_subcommand_from add import list get delete help" -f -a "delete" -d 'Delete a contact (only in queue or failed status)'
complete -c altur -n "__fish_altur_using_subcommand contact; and not __fish_seen_subcommand_from add import list get delete help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from add" -l campaign -d 'Campaign id' -r
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from add" -l phone -d 'Phone number in E.164 (+ and the country code)' -r
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from add" -l name -d 'Contact name' -r
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from add" -l context -d 'Context for the agent' -r
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from add" -l data -d 'extracted_data entry (repeatable)' -r
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from add" -l external-id -d 'Your own id for the contact (the API\'s f_id)' -r
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from add" -l if-duplicate -d 'When the number is already in the campaign [API default: skip]' -r -f -a "skip\t''
update\t''"
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from add" -l idempotency-key -d 'Idempotency-Key to send [default: a new UUID]' -r
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from add" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table for people'
json\t'The server\'s JSON, pretty-printed'
ndjson\t'One compact JSON value per line (one per item for lists)'
id\t'The id alone'
csv\t'Lists: RFC 4180 with a header row (alone for an empty list), values as the API gives them'
transcript\t'Threads and their messages: a readable transcript, one line per message'"
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from add" -l profile -d 'Profile in the config file [env: ALTUR_PROFILE] [default: default]' -r
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from add" -l config -d 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]' -r -F
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from add" -l api-key-file -d 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]' -r -F
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from add" -l base-url -d 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]' -r
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from add" -l timeout -d 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]' -r
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from add" -l retries -d 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]' -r
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from add" -l jq -d 'Filter the JSON output with a jq expression; strings print raw (implies -o json)' -r
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from add" -l fields -d 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table\'s columns]' -r
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from add" -s v -l verbose -d 'Trace requests and responses on stderr (the key is never shown)'
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from add" -l dry-run -d 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from import" -l campaign -d 'Campaign id' -r
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from import" -l format -d 'Input format [default: from the file\'s extension; ndjson for stdin]' -r -f -a "ndjson\t''
csv\t''
json\t''"
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from import" -l if-duplicate -d 'When a number is already in the campaign' -r -f -a "skip\t''
update\t''"
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from import" -l batch-size -d 'Contacts per request (1-1000)' -r
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from import" -l concurrency -d 'Batches in flight at once (1-8)' -r
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from import" -l journal -d 'Append-only log that makes a re-run skip what was already created [enduser import: one per input file by default, under the state directory]' -r -F
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from import" -l delimiter -d 'CSV field separator: , ; tab or another character [default: found from the header]' -r
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from import" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table for people'
json\t'The server\'s JSON, pretty-printed'
ndjson\t'One compact JSON value per line (one per item for lists)'
id\t'The id alone'
csv\t'Lists: RFC 4180 with a header row (alone for an empty list), values as the API gives them'
transcript\t'Threads and their messages: a readable transcript, one line per message'"
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from import" -l profile -d 'Profile in the config file [env: ALTUR_PROFILE] [default: default]' -r
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from import" -l config -d 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]' -r -F
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from import" -l api-key-file -d 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]' -r -F
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from import" -l base-url -d 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]' -r
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from import" -l timeout -d 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]' -r
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from import" -l retries -d 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]' -r
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from import" -l jq -d 'Filter the JSON output with a jq expression; strings print raw (implies -o json)' -r
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from import" -l fields -d 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table\'s columns]' -r
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from import" -l no-journal -d 'Keep no journal: a re-run sends every record again'
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from import" -l fail-fast -d 'Stop at the first failed record'
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from import" -l validate-only -d 'Check every record and send nothing'
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from import" -l resend-uncertain -d 'Re-send records whose outcome the journal says is unknown (for EndUsers, may create duplicates; contact batches the journal kept are sent again under their keys anyway)'
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from import" -s v -l verbose -d 'Trace requests and responses on stderr (the key is never shown)'
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from import" -l dry-run -d 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from list" -l campaign -d 'Campaign id' -r
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from list" -l status -d 'Only contacts in this status (queue, answered, failed, ...)' -r
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from list" -l limit -d 'Show at most N items [default: 30]' -r
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from list" -l after -d 'Continue a list where an earlier one stopped (the token it printed)' -r
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table for people'
json\t'The server\'s JSON, pretty-printed'
ndjson\t'One compact JSON value per line (one per item for lists)'
id\t'The id alone'
csv\t'Lists: RFC 4180 with a header row (alone for an empty list), values as the API gives them'
transcript\t'Threads and their messages: a readable transcript, one line per message'"
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from list" -l profile -d 'Profile in the config file [env: ALTUR_PROFILE] [default: default]' -r
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from list" -l config -d 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]' -r -F
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from list" -l api-key-file -d 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]' -r -F
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from list" -l base-url -d 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]' -r
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from list" -l timeout -d 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]' -r
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from list" -l retries -d 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]' -r
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from list" -l jq -d 'Filter the JSON output with a jq expression; strings print raw (implies -o json)' -r
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from list" -l fields -d 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table\'s columns]' -r
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from list" -l all -d 'Show every item'
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Trace requests and responses on stderr (the key is never shown)'
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from list" -l dry-run -d 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from get" -l campaign -d 'Campaign id' -r
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from get" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table for people'
json\t'The server\'s JSON, pretty-printed'
ndjson\t'One compact JSON value per line (one per item for lists)'
id\t'The id alone'
csv\t'Lists: RFC 4180 with a header row (alone for an empty list), values as the API gives them'
transcript\t'Threads and their messages: a readable transcript, one line per message'"
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from get" -l profile -d 'Profile in the config file [env: ALTUR_PROFILE] [default: default]' -r
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from get" -l config -d 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]' -r -F
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from get" -l api-key-file -d 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]' -r -F
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from get" -l base-url -d 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]' -r
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from get" -l timeout -d 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]' -r
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from get" -l retries -d 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]' -r
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from get" -l jq -d 'Filter the JSON output with a jq expression; strings print raw (implies -o json)' -r
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from get" -l fields -d 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table\'s columns]' -r
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from get" -s v -l verbose -d 'Trace requests and responses on stderr (the key is never shown)'
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from get" -l dry-run -d 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from delete" -l campaign -d 'Campaign id' -r
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from delete" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table for people'
json\t'The server\'s JSON, pretty-printed'
ndjson\t'One compact JSON value per line (one per item for lists)'
id\t'The id alone'
csv\t'Lists: RFC 4180 with a header row (alone for an empty list), values as the API gives them'
transcript\t'Threads and their messages: a readable transcript, one line per message'"
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from delete" -l profile -d 'Profile in the config file [env: ALTUR_PROFILE] [default: default]' -r
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from delete" -l config -d 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]' -r -F
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from delete" -l api-key-file -d 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]' -r -F
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from delete" -l base-url -d 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]' -r
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from delete" -l timeout -d 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]' -r
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from delete" -l retries -d 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]' -r
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from delete" -l jq -d 'Filter the JSON output with a jq expression; strings print raw (implies -o json)' -r
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from delete" -l fields -d 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table\'s columns]' -r
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'Trace requests and responses on stderr (the key is never shown)'
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from delete" -l dry-run -d 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add one contact to a campaign'
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from help" -f -a "import" -d 'Add many contacts from a CSV, NDJSON or JSON file, in batches of up to 1000'
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the contacts of a campaign'
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from help" -f -a "get" -d 'Show one contact'
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a contact (only in queue or failed status)'
complete -c altur -n "__fish_altur_using_subcommand contact; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c altur -n "__fish_altur_using_subcommand mcp" -l toolsets -d 'Offer only these toolsets: endusers, messages, calls, campaigns, contacts, webhooks [default: all]' -r
complete -c altur -n "__fish_altur_using_subcommand mcp" -l tools -d 'Offer only these tools (names as --list-tools prints them)' -r
complete -c altur -n "__fish_altur_using_subcommand mcp" -l dir -d 'The folder call_recording_save writes under [default: the current folder]' -r -F
complete -c altur -n "__fish_altur_using_subcommand mcp" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'A table for people'
json\t'The server\'s JSON, pretty-printed'
ndjson\t'One compact JSON value per line (one per item for lists)'
id\t'The id alone'
csv\t'Lists: RFC 4180 with a header row (alone for an empty list), values as the API gives them'
transcript\t'Threads and their messages: a readable transcript, one line per message'"
complete -c altur -n "__fish_altur_using_subcommand mcp" -l profile -d 'Profile in the config file [env: ALTUR_PROFILE] [default: default]' -r
complete -c altur -n "__fish_altur_using_subcommand mcp" -l config -d 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]' -r -F
complete -c altur -n "__fish_altur_using_subcommand mcp" -l api-key-file -d 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]' -r -F
complete -c altur -n "__fish_altur_using_subcommand mcp" -l base-url -d 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]' -r
complete -c altur -n "__fish_altur_using_subcommand mcp" -l timeout -d 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]' -r
complete -c altur -n "__fish_altur_using_subcommand mcp" -l retries -d 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]' -r
complete -c altur -n "__fish_altur_using_subcommand mcp" -l jq -d 'Filter the JSON output with a jq expression; strings print raw (implies -o json)' -r
complete -c altur -n "__fish_altur_using_subcommand mcp" -l fields -d 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table\'s columns]' -r
complete -c altur -n "__fish_altur_using_subcommand mcp" -l allow-writes -d 'Also offer the tools that change data (create, update, delete, save a recording)'
complete -c altur -n "__fish_altur_using_subcommand mcp" -l allow-contact -d 'Also offer the tools that reach real people (needs --allow-writes)'
complete -c altur -n "__fish_altur_using_subcommand mcp" -l list-tools -d 'Print the names of the tools a session with these flags offers, one per line, and exit'
complete -c altur -n "__fish_altur_using_subcommand mcp" -s v -l verbose -d 'Trace requests and responses on stderr (the key is never shown)'
complete -c altur -n "__fish_altur_using_subcommand mcp" -l dry-run -d 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
complete -c altur -n "__fish_altur_using_subcommand mcp" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c altur -n "__fish_altur_using_subcommand help; and not __fish_seen_subcommand_from enduser auth completions sandbox webhook api call message thread chat campaign contact mcp help" -f -a "enduser" -d 'Create, fetch, update and import EndUsers (your customers)'
complete -c altur -n "__fish_altur_using_subcommand help; and not __fish_seen_subcommand_from enduser auth completions sandbox webhook api call message thread chat campaign contact mcp help" -f -a "auth" -d 'Save, inspect and remove the API key'
complete -c altur -n "__fish_altur_using_subcommand help; and not __fish_seen_subcommand_from enduser auth completions sandbox webhook api call message thread chat campaign contact mcp help" -f -a "completions" -d 'Print a shell completion script'
complete -c altur -n "__fish_altur_using_subcommand help; and not __fish_seen_subcommand_from enduser auth completions sandbox webhook api call message thread chat campaign contact mcp help" -f -a "sandbox" -d 'Run a local stand-in for the Altur API'
complete -c altur -n "__fish_altur_using_subcommand help; and not __fish_seen_subcommand_from enduser auth completions sandbox webhook api call message thread chat campaign contact mcp help" -f -a "webhook" -d 'Verify, send and receive Altur\'s signed webhooks'
complete -c altur -n "__fish_altur_using_subcommand help; and not __fish_seen_subcommand_from enduser auth completions sandbox webhook api call message thread chat campaign contact mcp help" -f -a "api" -d 'Send any request to the API, with altur\'s key, retries and redaction'
complete -c altur -n "__fish_altur_using_subcommand help; and not __fish_seen_subcommand_from enduser auth completions sandbox webhook api call message thread chat campaign contact mcp help" -f -a "call" -d 'Start, follow and list phone calls; download their recordings'
complete -c altur -n "__fish_altur_using_subcommand help; and not __fish_seen_subcommand_from enduser auth completions sandbox webhook api call message thread chat campaign contact mcp help" -f -a "message" -d 'Send a message to an agent and read a thread\'s messages'
complete -c altur -n "__fish_altur_using_subcommand help; and not __fish_seen_subcommand_from enduser auth completions sandbox webhook api call message thread chat campaign contact mcp help" -f -a "thread" -d 'Fetch a thread: an agent\'s conversation with an EndUser'
complete -c altur -n "__fish_altur_using_subcommand help; and not __fish_seen_subcommand_from enduser auth completions sandbox webhook api call message thread chat campaign contact mcp help" -f -a "chat" -d 'Talk to an agent from a terminal or a pipe, one line per message'
complete -c altur -n "__fish_altur_using_subcommand help; and not __fish_seen_subcommand_from enduser auth completions sandbox webhook api call message thread chat campaign contact mcp help" -f -a "campaign" -d 'List, create and run campaigns (calls or WhatsApp to many contacts)'
complete -c altur -n "__fish_altur_using_subcommand help; and not __fish_seen_subcommand_from enduser auth completions sandbox webhook api call message thread chat campaign contact mcp help" -f -a "contact" -d 'Add, import, list and delete the contacts of a campaign'
complete -c altur -n "__fish_altur_using_subcommand help; and not __fish_seen_subcommand_from enduser auth completions sandbox webhook api call message thread chat campaign contact mcp help" -f -a "mcp" -d 'Serve the API as tools to an AI assistant (Model Context Protocol on stdio)'
complete -c altur -n "__fish_altur_using_subcommand help; and not __fish_seen_subcommand_from enduser auth completions sandbox webhook api call message thread chat campaign contact mcp help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c altur -n "__fish_altur_using_subcommand help; and __fish_seen_subcommand_from enduser" -f -a "create" -d 'Create an EndUser'
complete -c altur -n "__fish_altur_using_subcommand help; and __fish_seen_subcommand_from enduser" -f -a "get" -d 'Fetch an EndUser by id'
complete -c altur -n "__fish_altur_using_subcommand help; and __fish_seen_subcommand_from enduser" -f -a "update" -d 'Change an EndUser\'s name or info (only the fields given are sent)'
complete -c altur -n "__fish_altur_using_subcommand help; and __fish_seen_subcommand_from enduser" -f -a "import" -d 'Create many EndUsers from an NDJSON, CSV or JSON file'
complete -c altur -n "__fish_altur_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "login" -d 'Save an API key to the selected profile'
complete -c altur -n "__fish_altur_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "status" -d 'Show where the API key comes from (masked)'
complete -c altur -n "__fish_altur_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "logout" -d 'Remove the selected profile\'s API key'
complete -c altur -n "__fish_altur_using_subcommand help; and __fish_seen_subcommand_from sandbox" -f -a "serve" -d 'Serve the local API until Ctrl-C'
complete -c altur -n "__fish_altur_using_subcommand help; and __fish_seen_subcommand_from sandbox" -f -a "exec" -d 'Run a command against a fresh sandbox, then stop it'
complete -c altur -n "__fish_altur_using_subcommand help; and __fish_seen_subcommand_from webhook" -f -a "verify" -d 'Check an X-Altur-Signature against the body it came with'
complete -c altur -n "__fish_altur_using_subcommand help; and __fish_seen_subcommand_from webhook" -f -a "trigger" -d 'Send a signed sample event to your webhook handler'
complete -c altur -n "__fish_altur_using_subcommand help; and __fish_seen_subcommand_from webhook" -f -a "listen" -d 'Receive webhooks locally: verify and print each delivery, optionally forward it'
complete -c altur -n "__fish_altur_using_subcommand help; and __fish_seen_subcommand_from call" -f -a "start" -d 'Start an outbound phone call handled by an agent (POST /call)'
complete -c altur -n "__fish_altur_using_subcommand help; and __fish_seen_subcommand_from call" -f -a "get" -d 'Fetch one call'
complete -c altur -n "__fish_altur_using_subcommand help; and __fish_seen_subcommand_from call" -f -a "wait" -d 'Wait until a call ends: each status change on stderr, the final call on stdout'
complete -c altur -n "__fish_altur_using_subcommand help; and __fish_seen_subcommand_from call" -f -a "list" -d 'List the calls of a campaign (GET /campaigns/{id}/calls)'
complete -c altur -n "__fish_altur_using_subcommand help; and __fish_seen_subcommand_from call" -f -a "recording" -d 'Download one call\'s recording to a file'
complete -c altur -n "__fish_altur_using_subcommand help; and __fish_seen_subcommand_from call" -f -a "recordings" -d 'Download the recordings of a campaign\'s calls into a folder (resumable)'
complete -c altur -n "__fish_altur_using_subcommand help; and __fish_seen_subcommand_from call" -f -a "export" -d 'Export calls of campaigns into a folder: an index, transcripts, recordings (resumable)'
complete -c altur -n "__fish_altur_using_subcommand help; and __fish_seen_subcommand_from message" -f -a "send" -d 'Send an EndUser\'s message to an agent and print the agent\'s replies'
complete -c altur -n "__fish_altur_using_subcommand help; and __fish_seen_subcommand_from message" -f -a "list" -d 'List a thread\'s messages, oldest first'
complete -c altur -n "__fish_altur_using_subcommand help; and __fish_seen_subcommand_from thread" -f -a "get" -d 'Fetch a thread with its agent, EndUser, integration, tags and assignees'
complete -c altur -n "__fish_altur_using_subcommand help; and __fish_seen_subcommand_from campaign" -f -a "list" -d 'List campaigns, newest first'
complete -c altur -n "__fish_altur_using_subcommand help; and __fish_seen_subcommand_from campaign" -f -a "get" -d 'Show a campaign with its analytics'
complete -c altur -n "__fish_altur_using_subcommand help; and __fish_seen_subcommand_from campaign" -f -a "create" -d 'Create a phone-call or WhatsApp campaign'
complete -c altur -n "__fish_altur_using_subcommand help; and __fish_seen_subcommand_from campaign" -f -a "update" -d 'Change some fields of a campaign (only those given are sent)'
complete -c altur -n "__fish_altur_using_subcommand help; and __fish_seen_subcommand_from campaign" -f -a "activate" -d 'Start a campaign (from pending, ready or cooldown)'
complete -c altur -n "__fish_altur_using_subcommand help; and __fish_seen_subcommand_from campaign" -f -a "pause" -d 'Pause a campaign (from active or cooldown)'
complete -c altur -n "__fish_altur_using_subcommand help; and __fish_seen_subcommand_from campaign" -f -a "resume" -d 'Resume a paused campaign'
complete -c altur -n "__fish_altur_using_subcommand help; and __fish_seen_subcommand_from campaign" -f -a "archive" -d 'Archive a campaign (from any status)'
complete -c altur -n "__fish_altur_using_subcommand help; and __fish_seen_subcommand_from contact" -f -a "add" -d 'Add one contact to a campaign'
complete -c altur -n "__fish_altur_using_subcommand help; and __fish_seen_subcommand_from contact" -f -a "import" -d 'Add many contacts from a CSV, NDJSON or JSON file, in batches of up to 1000'
complete -c altur -n "__fish_altur_using_subcommand help; and __fish_seen_subcommand_from contact" -f -a "list" -d 'List the contacts of a campaign'
complete -c altur -n "__fish_altur_using_subcommand help; and __fish_seen_subcommand_from contact" -f -a "get" -d 'Show one contact'
complete -c altur -n "__fish_altur_using_subcommand help; and __fish_seen_subcommand_from contact" -f -a "delete" -d 'Delete a contact (only in queue or failed status)'
