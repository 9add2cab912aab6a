
use builtin;
use str;

set edit:completion:arg-completer[altur] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'altur'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'altur'= {
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --profile 'Profile in the config file [env: ALTUR_PROFILE] [default: default]'
            cand --config 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]'
            cand --api-key-file 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]'
            cand --base-url 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]'
            cand --timeout 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]'
            cand --retries 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]'
            cand --jq 'Filter the JSON output with a jq expression; strings print raw (implies -o json)'
            cand --fields 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]'
            cand -v 'Trace requests and responses on stderr (the key is never shown)'
            cand --verbose 'Trace requests and responses on stderr (the key is never shown)'
            cand --dry-run 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand enduser 'Create, fetch, update and import EndUsers (your customers)'
            cand auth 'Save, inspect and remove the API key'
            cand completions 'Print a shell completion script'
            cand sandbox 'Run a local stand-in for the Altur API'
            cand webhook 'Verify, send and receive Altur''s signed webhooks'
            cand api 'Send any request to the API, with altur''s key, retries and redaction'
            cand call 'Start, follow and list phone calls; download their recordings'
            cand message 'Send a message to an agent and read a thread''s messages'
            cand thread 'Fetch a thread: an agent''s conversation with an EndUser'
            cand chat 'Talk to an agent from a terminal or a pipe, one line per message'
            cand campaign 'List, create and run campaigns (calls or WhatsApp to many contacts)'
            cand contact 'Add, import, list and delete the contacts of a campaign'
            cand mcp 'Serve the API as tools to an AI assistant (Model Context Protocol on stdio)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'altur;enduser'= {
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --profile 'Profile in the config file [env: ALTUR_PROFILE] [default: default]'
            cand --config 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]'
            cand --api-key-file 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]'
            cand --base-url 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]'
            cand --timeout 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]'
            cand --retries 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]'
            cand --jq 'Filter the JSON output with a jq expression; strings print raw (implies -o json)'
            cand --fields 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]'
            cand -v 'Trace requests and responses on stderr (the key is never shown)'
            cand --verbose 'Trace requests and responses on stderr (the key is never shown)'
            cand --dry-run 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand create 'Create an EndUser'
            cand get 'Fetch an EndUser by id'
            cand update 'Change an EndUser''s name or info (only the fields given are sent)'
            cand import 'Create many EndUsers from an NDJSON, CSV or JSON file'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'altur;enduser;create'= {
            cand --name 'Display name'
            cand --display-name 'Display name'
            cand --info 'Information for the agents'
            cand --info-file 'Read the info text from a file (- for stdin)'
            cand --input 'Read fields from a JSON object in FILE (- for stdin); flags override its fields'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --profile 'Profile in the config file [env: ALTUR_PROFILE] [default: default]'
            cand --config 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]'
            cand --api-key-file 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]'
            cand --base-url 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]'
            cand --timeout 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]'
            cand --retries 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]'
            cand --jq 'Filter the JSON output with a jq expression; strings print raw (implies -o json)'
            cand --fields 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]'
            cand -v 'Trace requests and responses on stderr (the key is never shown)'
            cand --verbose 'Trace requests and responses on stderr (the key is never shown)'
            cand --dry-run 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'altur;enduser;get'= {
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --profile 'Profile in the config file [env: ALTUR_PROFILE] [default: default]'
            cand --config 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]'
            cand --api-key-file 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]'
            cand --base-url 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]'
            cand --timeout 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]'
            cand --retries 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]'
            cand --jq 'Filter the JSON output with a jq expression; strings print raw (implies -o json)'
            cand --fields 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]'
            cand -v 'Trace requests and responses on stderr (the key is never shown)'
            cand --verbose 'Trace requests and responses on stderr (the key is never shown)'
            cand --dry-run 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'altur;enduser;update'= {
            cand --name 'Display name'
            cand --display-name 'Display name'
            cand --info 'Information for the agents'
            cand --info-file 'Read the info text from a file (- for stdin)'
            cand --input 'Read fields from a JSON object in FILE (- for stdin); flags override its fields'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --profile 'Profile in the config file [env: ALTUR_PROFILE] [default: default]'
            cand --config 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]'
            cand --api-key-file 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]'
            cand --base-url 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]'
            cand --timeout 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]'
            cand --retries 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]'
            cand --jq 'Filter the JSON output with a jq expression; strings print raw (implies -o json)'
            cand --fields 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]'
            cand -v 'Trace requests and responses on stderr (the key is never shown)'
            cand --verbose 'Trace requests and responses on stderr (the key is never shown)'
            cand --dry-run 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'altur;enduser;import'= {
            cand --format 'Input format [default: from the file''s extension; ndjson for stdin]'
            cand --concurrency 'Requests in flight at once (1-64)'
            cand --journal 'Append-only log that makes a re-run skip what was already created [enduser import: one per input file by default, under the state directory]'
            cand --delimiter 'CSV field separator: , ; tab or another character [default: found from the header]'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --profile 'Profile in the config file [env: ALTUR_PROFILE] [default: default]'
            cand --config 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]'
            cand --api-key-file 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]'
            cand --base-url 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]'
            cand --timeout 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]'
            cand --retries 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]'
            cand --jq 'Filter the JSON output with a jq expression; strings print raw (implies -o json)'
            cand --fields 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]'
            cand --no-journal 'Keep no journal: a re-run sends every record again'
            cand --fail-fast 'Stop at the first failed record'
            cand --validate-only 'Check every record and send nothing'
            cand --resend-uncertain 'Re-send records whose outcome the journal says is unknown (for EndUsers, may create duplicates; contact batches the journal kept are sent again under their keys anyway)'
            cand -v 'Trace requests and responses on stderr (the key is never shown)'
            cand --verbose 'Trace requests and responses on stderr (the key is never shown)'
            cand --dry-run 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'altur;enduser;help'= {
            cand create 'Create an EndUser'
            cand get 'Fetch an EndUser by id'
            cand update 'Change an EndUser''s name or info (only the fields given are sent)'
            cand import 'Create many EndUsers from an NDJSON, CSV or JSON file'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'altur;enduser;help;create'= {
        }
        &'altur;enduser;help;get'= {
        }
        &'altur;enduser;help;update'= {
        }
        &'altur;enduser;help;import'= {
        }
        &'altur;enduser;help;help'= {
        }
        &'altur;auth'= {
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --profile 'Profile in the config file [env: ALTUR_PROFILE] [default: default]'
            cand --config 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]'
            cand --api-key-file 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]'
            cand --base-url 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]'
            cand --timeout 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]'
            cand --retries 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]'
            cand --jq 'Filter the JSON output with a jq expression; strings print raw (implies -o json)'
            cand --fields 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]'
            cand -v 'Trace requests and responses on stderr (the key is never shown)'
            cand --verbose 'Trace requests and responses on stderr (the key is never shown)'
            cand --dry-run 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand login 'Save an API key to the selected profile'
            cand status 'Show where the API key comes from (masked)'
            cand logout 'Remove the selected profile''s API key'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'altur;auth;login'= {
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --profile 'Profile in the config file [env: ALTUR_PROFILE] [default: default]'
            cand --config 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]'
            cand --api-key-file 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]'
            cand --base-url 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]'
            cand --timeout 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]'
            cand --retries 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]'
            cand --jq 'Filter the JSON output with a jq expression; strings print raw (implies -o json)'
            cand --fields 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]'
            cand --with-key 'Read the key from stdin instead of a hidden prompt'
            cand --verify 'Check the key against the API before saving it'
            cand -v 'Trace requests and responses on stderr (the key is never shown)'
            cand --verbose 'Trace requests and responses on stderr (the key is never shown)'
            cand --dry-run 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'altur;auth;status'= {
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --profile 'Profile in the config file [env: ALTUR_PROFILE] [default: default]'
            cand --config 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]'
            cand --api-key-file 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]'
            cand --base-url 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]'
            cand --timeout 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]'
            cand --retries 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]'
            cand --jq 'Filter the JSON output with a jq expression; strings print raw (implies -o json)'
            cand --fields 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]'
            cand -v 'Trace requests and responses on stderr (the key is never shown)'
            cand --verbose 'Trace requests and responses on stderr (the key is never shown)'
            cand --dry-run 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'altur;auth;logout'= {
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --profile 'Profile in the config file [env: ALTUR_PROFILE] [default: default]'
            cand --config 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]'
            cand --api-key-file 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]'
            cand --base-url 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]'
            cand --timeout 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]'
            cand --retries 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]'
            cand --jq 'Filter the JSON output with a jq expression; strings print raw (implies -o json)'
            cand --fields 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]'
            cand -v 'Trace requests and responses on stderr (the key is never shown)'
            cand --verbose 'Trace requests and responses on stderr (the key is never shown)'
            cand --dry-run 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'altur;auth;help'= {
            cand login 'Save an API key to the selected profile'
            cand status 'Show where the API key comes from (masked)'
            cand logout 'Remove the selected profile''s API key'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'altur;auth;help;login'= {
        }
        &'altur;auth;help;status'= {
        }
        &'altur;auth;help;logout'= {
        }
        &'altur;auth;help;help'= {
        }
        &'altur;completions'= {
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --profile 'Profile in the config file [env: ALTUR_PROFILE] [default: default]'
            cand --config 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]'
            cand --api-key-file 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]'
            cand --base-url 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]'
            cand --timeout 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]'
            cand --retries 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]'
            cand --jq 'Filter the JSON output with a jq expression; strings print raw (implies -o json)'
            cand --fields 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]'
            cand -v 'Trace requests and responses on stderr (the key is never shown)'
            cand --verbose 'Trace requests and responses on stderr (the key is never shown)'
            cand --dry-run 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'altur;sandbox'= {
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --profile 'Profile in the config file [env: ALTUR_PROFILE] [default: default]'
            cand --config 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]'
            cand --api-key-file 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]'
            cand --base-url 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]'
            cand --timeout 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]'
            cand --retries 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]'
            cand --jq 'Filter the JSON output with a jq expression; strings print raw (implies -o json)'
            cand --fields 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]'
            cand -v 'Trace requests and responses on stderr (the key is never shown)'
            cand --verbose 'Trace requests and responses on stderr (the key is never shown)'
            cand --dry-run 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand serve 'Serve the local API until Ctrl-C'
            cand exec 'Run a command against a fresh sandbox, then stop it'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'altur;sandbox;serve'= {
            cand --listen 'Address to listen on [default: 127.0.0.1:8787; exec: a free loopback port]'
            cand --api-key 'The only API key the sandbox accepts'
            cand --state 'Keep records in this file so they survive a restart'
            cand --latency 'Milliseconds added to every answer'
            cand --fail-rate 'Fraction of requests answered with 503 (0 to 1)'
            cand --rate-limit 'Requests allowed per second before answering 429'
            cand --seed 'Seed for every random value (ids, outcomes, faults), to make runs repeatable'
            cand --scenario 'The odds of the calls'' outcomes, tags, durations, transcripts and data (a JSON file)'
            cand --call-seconds 'Seconds a call takes from queued to ended (decimals allowed, 0-3600)'
            cand --log 'Append the request log (one line per request) to this file instead of stderr'
            cand --webhook-url 'Deliver signed webhooks (on_call_end, campaign.status_changed) to this URL of yours'
            cand --webhook-secret-file 'Sign them with the secret in this file [env: ALTUR_WEBHOOK_SECRET holds the secret]'
            cand --webhook-scheme 'How to sign them'
            cand --tune 'Lower the server''s limits, NAME=VALUE,... (for tests and benchmarks)'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --profile 'Profile in the config file [env: ALTUR_PROFILE] [default: default]'
            cand --config 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]'
            cand --api-key-file 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]'
            cand --base-url 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]'
            cand --timeout 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]'
            cand --retries 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]'
            cand --jq 'Filter the JSON output with a jq expression; strings print raw (implies -o json)'
            cand --fields 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]'
            cand --quiet 'Log no requests (the start-up and stop lines stay on stderr)'
            cand -v 'Trace requests and responses on stderr (the key is never shown)'
            cand --verbose 'Trace requests and responses on stderr (the key is never shown)'
            cand --dry-run 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'altur;sandbox;exec'= {
            cand --listen 'Address to listen on [default: 127.0.0.1:8787; exec: a free loopback port]'
            cand --api-key 'The only API key the sandbox accepts'
            cand --state 'Keep records in this file so they survive a restart'
            cand --latency 'Milliseconds added to every answer'
            cand --fail-rate 'Fraction of requests answered with 503 (0 to 1)'
            cand --rate-limit 'Requests allowed per second before answering 429'
            cand --seed 'Seed for every random value (ids, outcomes, faults), to make runs repeatable'
            cand --scenario 'The odds of the calls'' outcomes, tags, durations, transcripts and data (a JSON file)'
            cand --call-seconds 'Seconds a call takes from queued to ended (decimals allowed, 0-3600)'
            cand --log 'Append the request log (one line per request) to this file instead of stderr'
            cand --webhook-url 'Deliver signed webhooks (on_call_end, campaign.status_changed) to this URL of yours'
            cand --webhook-secret-file 'Sign them with the secret in this file [env: ALTUR_WEBHOOK_SECRET holds the secret]'
            cand --webhook-scheme 'How to sign them'
            cand --tune 'Lower the server''s limits, NAME=VALUE,... (for tests and benchmarks)'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --profile 'Profile in the config file [env: ALTUR_PROFILE] [default: default]'
            cand --config 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]'
            cand --api-key-file 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]'
            cand --base-url 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]'
            cand --timeout 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]'
            cand --retries 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]'
            cand --jq 'Filter the JSON output with a jq expression; strings print raw (implies -o json)'
            cand --fields 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]'
            cand --quiet 'Log no requests (the start-up and stop lines stay on stderr)'
            cand -v 'Trace requests and responses on stderr (the key is never shown)'
            cand --verbose 'Trace requests and responses on stderr (the key is never shown)'
            cand --dry-run 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'altur;sandbox;help'= {
            cand serve 'Serve the local API until Ctrl-C'
            cand exec 'Run a command against a fresh sandbox, then stop it'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'altur;sandbox;help;serve'= {
        }
        &'altur;sandbox;help;exec'= {
        }
        &'altur;sandbox;help;help'= {
        }
        &'altur;webhook'= {
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --profile 'Profile in the config file [env: ALTUR_PROFILE] [default: default]'
            cand --config 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]'
            cand --api-key-file 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]'
            cand --base-url 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]'
            cand --timeout 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]'
            cand --retries 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]'
            cand --jq 'Filter the JSON output with a jq expression; strings print raw (implies -o json)'
            cand --fields 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]'
            cand -v 'Trace requests and responses on stderr (the key is never shown)'
            cand --verbose 'Trace requests and responses on stderr (the key is never shown)'
            cand --dry-run 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand verify 'Check an X-Altur-Signature against the body it came with'
            cand trigger 'Send a signed sample event to your webhook handler'
            cand listen 'Receive webhooks locally: verify and print each delivery, optionally forward it'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'altur;webhook;verify'= {
            cand --signature 'The X-Altur-Signature header''s value'
            cand --secret-file 'Read the webhook secret from this file [env: ALTUR_WEBHOOK_SECRET holds the secret itself]'
            cand --scheme 'The scheme to check'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --profile 'Profile in the config file [env: ALTUR_PROFILE] [default: default]'
            cand --config 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]'
            cand --api-key-file 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]'
            cand --base-url 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]'
            cand --timeout 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]'
            cand --retries 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]'
            cand --jq 'Filter the JSON output with a jq expression; strings print raw (implies -o json)'
            cand --fields 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]'
            cand -v 'Trace requests and responses on stderr (the key is never shown)'
            cand --verbose 'Trace requests and responses on stderr (the key is never shown)'
            cand --dry-run 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'altur;webhook;trigger'= {
            cand --url 'Your webhook handler''s URL (any http or https URL; the API key is never sent to it)'
            cand --secret-file 'Read the webhook secret from this file [env: ALTUR_WEBHOOK_SECRET holds the secret itself]'
            cand --scheme 'How to sign'
            cand --set 'Override a field of the sample by dotted path: --set end_user.display_name=''"Ada"'''
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --profile 'Profile in the config file [env: ALTUR_PROFILE] [default: default]'
            cand --config 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]'
            cand --api-key-file 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]'
            cand --base-url 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]'
            cand --timeout 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]'
            cand --retries 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]'
            cand --jq 'Filter the JSON output with a jq expression; strings print raw (implies -o json)'
            cand --fields 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]'
            cand --list 'Print the events this can send, and nothing else'
            cand -v 'Trace requests and responses on stderr (the key is never shown)'
            cand --verbose 'Trace requests and responses on stderr (the key is never shown)'
            cand --dry-run 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'altur;webhook;listen'= {
            cand --listen 'Address to listen on'
            cand --secret-file 'Read the webhook secret from this file [env: ALTUR_WEBHOOK_SECRET holds the secret itself]'
            cand --forward-to 'Post each verified delivery (original body and signature) to this URL of yours'
            cand --events 'Keep only these event types (comma-separated); others are answered 200 and dropped'
            cand --tune 'Lower the server''s limits, NAME=VALUE,... (for tests and benchmarks)'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --profile 'Profile in the config file [env: ALTUR_PROFILE] [default: default]'
            cand --config 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]'
            cand --api-key-file 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]'
            cand --base-url 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]'
            cand --timeout 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]'
            cand --retries 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]'
            cand --jq 'Filter the JSON output with a jq expression; strings print raw (implies -o json)'
            cand --fields 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]'
            cand -v 'Trace requests and responses on stderr (the key is never shown)'
            cand --verbose 'Trace requests and responses on stderr (the key is never shown)'
            cand --dry-run 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'altur;webhook;help'= {
            cand verify 'Check an X-Altur-Signature against the body it came with'
            cand trigger 'Send a signed sample event to your webhook handler'
            cand listen 'Receive webhooks locally: verify and print each delivery, optionally forward it'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'altur;webhook;help;verify'= {
        }
        &'altur;webhook;help;trigger'= {
        }
        &'altur;webhook;help;listen'= {
        }
        &'altur;webhook;help;help'= {
        }
        &'altur;api'= {
            cand -f 'Add a string field to the JSON body (or the query, for GET and DELETE)'
            cand --raw-field 'Add a string field to the JSON body (or the query, for GET and DELETE)'
            cand -F 'Add a JSON field to the body: -F retries=3, -F ''cycles={"enabled":true}'''
            cand --field 'Add a JSON field to the body: -F retries=3, -F ''cycles={"enabled":true}'''
            cand --query 'Add a query parameter (percent-encoded; sent on every page of --paginate)'
            cand --input 'Send this file (- for stdin) as the body instead of fields'
            cand -H 'Add a request header (''Name: value''); Authorization cannot be set'
            cand --header 'Add a request header (''Name: value''); Authorization cannot be set'
            cand --idempotency-key 'Send this Idempotency-Key, which makes a POST or PATCH safe to re-send'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --profile 'Profile in the config file [env: ALTUR_PROFILE] [default: default]'
            cand --config 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]'
            cand --api-key-file 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]'
            cand --base-url 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]'
            cand --timeout 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]'
            cand --retries 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]'
            cand --jq 'Filter the JSON output with a jq expression; strings print raw (implies -o json)'
            cand --fields 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]'
            cand -i 'Print the status line and headers before the body'
            cand --include 'Print the status line and headers before the body'
            cand --paginate 'Follow the API''s paging (GET only): each page as one JSON line'
            cand --slurp 'With --paginate: print one JSON array of the pages (--jq then runs once over it)'
            cand -v 'Trace requests and responses on stderr (the key is never shown)'
            cand --verbose 'Trace requests and responses on stderr (the key is never shown)'
            cand --dry-run 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'altur;call'= {
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --profile 'Profile in the config file [env: ALTUR_PROFILE] [default: default]'
            cand --config 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]'
            cand --api-key-file 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]'
            cand --base-url 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]'
            cand --timeout 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]'
            cand --retries 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]'
            cand --jq 'Filter the JSON output with a jq expression; strings print raw (implies -o json)'
            cand --fields 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]'
            cand -v 'Trace requests and responses on stderr (the key is never shown)'
            cand --verbose 'Trace requests and responses on stderr (the key is never shown)'
            cand --dry-run 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand start 'Start an outbound phone call handled by an agent (POST /call)'
            cand get 'Fetch one call'
            cand wait 'Wait until a call ends: each status change on stderr, the final call on stdout'
            cand list 'List the calls of a campaign (GET /campaigns/{id}/calls)'
            cand recording 'Download one call''s recording to a file'
            cand recordings 'Download the recordings of a campaign''s calls into a folder (resumable)'
            cand export 'Export calls of campaigns into a folder: an index, transcripts, recordings (resumable)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'altur;call;start'= {
            cand --agent 'The agent that makes the call'
            cand --to 'The number to call, E.164 (spaces, dashes, dots and parentheses are removed)'
            cand --name 'The person''s name, for the agent'
            cand --display-name 'The person''s name, for the agent'
            cand --context 'Context for the agent, as text'
            cand --context-json 'Context for the agent, a JSON object from FILE (- for stdin)'
            cand --first-message 'What the agent says when the call is answered'
            cand --interval 'Seconds between two polls (0.01-3600) [default: 2]'
            cand --max-wait 'Seconds to wait at most before giving up with exit 11 (0-604800) [default: 3600]'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --profile 'Profile in the config file [env: ALTUR_PROFILE] [default: default]'
            cand --config 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]'
            cand --api-key-file 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]'
            cand --base-url 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]'
            cand --timeout 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]'
            cand --retries 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]'
            cand --jq 'Filter the JSON output with a jq expression; strings print raw (implies -o json)'
            cand --fields 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]'
            cand --wait 'Then wait until the call ends, like `call wait`'
            cand -v 'Trace requests and responses on stderr (the key is never shown)'
            cand --verbose 'Trace requests and responses on stderr (the key is never shown)'
            cand --dry-run 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'altur;call;get'= {
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --profile 'Profile in the config file [env: ALTUR_PROFILE] [default: default]'
            cand --config 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]'
            cand --api-key-file 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]'
            cand --base-url 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]'
            cand --timeout 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]'
            cand --retries 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]'
            cand --jq 'Filter the JSON output with a jq expression; strings print raw (implies -o json)'
            cand --fields 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]'
            cand -v 'Trace requests and responses on stderr (the key is never shown)'
            cand --verbose 'Trace requests and responses on stderr (the key is never shown)'
            cand --dry-run 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'altur;call;wait'= {
            cand --interval 'Seconds between two polls (0.01-3600) [default: 2]'
            cand --max-wait 'Seconds to wait at most before giving up with exit 11 (0-604800) [default: 3600]'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --profile 'Profile in the config file [env: ALTUR_PROFILE] [default: default]'
            cand --config 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]'
            cand --api-key-file 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]'
            cand --base-url 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]'
            cand --timeout 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]'
            cand --retries 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]'
            cand --jq 'Filter the JSON output with a jq expression; strings print raw (implies -o json)'
            cand --fields 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]'
            cand -v 'Trace requests and responses on stderr (the key is never shown)'
            cand --verbose 'Trace requests and responses on stderr (the key is never shown)'
            cand --dry-run 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'altur;call;list'= {
            cand --campaign 'The campaign (a positive integer)'
            cand --status 'Only calls with this status'
            cand --answered-by 'Only calls answered by'
            cand --since 'Only calls created at or after this ISO 8601 date or date-time'
            cand --until 'Only calls created before this ISO 8601 date or date-time'
            cand --limit 'Show at most N calls [default: 30]'
            cand --after 'Continue a list where a --limit stopped (the token it printed)'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --profile 'Profile in the config file [env: ALTUR_PROFILE] [default: default]'
            cand --config 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]'
            cand --api-key-file 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]'
            cand --base-url 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]'
            cand --timeout 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]'
            cand --retries 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]'
            cand --jq 'Filter the JSON output with a jq expression; strings print raw (implies -o json)'
            cand --fields 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]'
            cand --all 'Show every call'
            cand -v 'Trace requests and responses on stderr (the key is never shown)'
            cand --verbose 'Trace requests and responses on stderr (the key is never shown)'
            cand --dry-run 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'altur;call;recording'= {
            cand --file 'Where to write it (- for stdout) [default: CALL_ID.EXT in the current folder]'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --profile 'Profile in the config file [env: ALTUR_PROFILE] [default: default]'
            cand --config 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]'
            cand --api-key-file 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]'
            cand --base-url 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]'
            cand --timeout 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]'
            cand --retries 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]'
            cand --jq 'Filter the JSON output with a jq expression; strings print raw (implies -o json)'
            cand --fields 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]'
            cand --force 'Replace a file that exists'
            cand -v 'Trace requests and responses on stderr (the key is never shown)'
            cand --verbose 'Trace requests and responses on stderr (the key is never shown)'
            cand --dry-run 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'altur;call;recordings'= {
            cand --campaign 'The campaign (a positive integer)'
            cand --status 'Only calls with this status'
            cand --answered-by 'Only calls answered by'
            cand --since 'Only calls created at or after this ISO 8601 date or date-time'
            cand --until 'Only calls created before this ISO 8601 date or date-time'
            cand --dir 'The folder for the recordings (created if missing)'
            cand --concurrency 'Downloads at once (1-16)'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --profile 'Profile in the config file [env: ALTUR_PROFILE] [default: default]'
            cand --config 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]'
            cand --api-key-file 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]'
            cand --base-url 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]'
            cand --timeout 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]'
            cand --retries 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]'
            cand --jq 'Filter the JSON output with a jq expression; strings print raw (implies -o json)'
            cand --fields 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]'
            cand -v 'Trace requests and responses on stderr (the key is never shown)'
            cand --verbose 'Trace requests and responses on stderr (the key is never shown)'
            cand --dry-run 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'altur;call;export'= {
            cand --dir 'The folder to export into (created if missing)'
            cand --campaign 'A campaign to export (repeatable); without it, the campaigns GET /campaigns lists'
            cand --agent 'Only campaigns of this agent (when no --campaign is given)'
            cand --campaign-status 'Only campaigns in this status (when no --campaign is given)'
            cand --status 'Only calls with this status'
            cand --answered-by 'Only calls answered by'
            cand --since 'Only campaigns and calls from this ISO 8601 date or date-time'
            cand --until 'Only campaigns and calls before this ISO 8601 date or date-time'
            cand --tag 'Only calls with this tag (repeatable: any of them)'
            cand --where 'Only calls whose dotted FIELD equals VALUE (repeatable: all of them)'
            cand --with 'What to write beside the index'
            cand --name 'The name of each call''s files, without extension [default: {id}]'
            cand --index 'The index''s format: DIR/calls.ndjson or DIR/calls.csv'
            cand --concurrency 'Calls handled at once (1-16)'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --profile 'Profile in the config file [env: ALTUR_PROFILE] [default: default]'
            cand --config 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]'
            cand --api-key-file 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]'
            cand --base-url 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]'
            cand --timeout 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]'
            cand --retries 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]'
            cand --jq 'Filter the JSON output with a jq expression; strings print raw (implies -o json)'
            cand --fields 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]'
            cand -v 'Trace requests and responses on stderr (the key is never shown)'
            cand --verbose 'Trace requests and responses on stderr (the key is never shown)'
            cand --dry-run 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'altur;call;help'= {
            cand start 'Start an outbound phone call handled by an agent (POST /call)'
            cand get 'Fetch one call'
            cand wait 'Wait until a call ends: each status change on stderr, the final call on stdout'
            cand list 'List the calls of a campaign (GET /campaigns/{id}/calls)'
            cand recording 'Download one call''s recording to a file'
            cand recordings 'Download the recordings of a campaign''s calls into a folder (resumable)'
            cand export 'Export calls of campaigns into a folder: an index, transcripts, recordings (resumable)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'altur;call;help;start'= {
        }
        &'altur;call;help;get'= {
        }
        &'altur;call;help;wait'= {
        }
        &'altur;call;help;list'= {
        }
        &'altur;call;help;recording'= {
        }
        &'altur;call;help;recordings'= {
        }
        &'altur;call;help;export'= {
        }
        &'altur;call;help;help'= {
        }
        &'altur;message'= {
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --profile 'Profile in the config file [env: ALTUR_PROFILE] [default: default]'
            cand --config 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]'
            cand --api-key-file 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]'
            cand --base-url 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]'
            cand --timeout 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]'
            cand --retries 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]'
            cand --jq 'Filter the JSON output with a jq expression; strings print raw (implies -o json)'
            cand --fields 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]'
            cand -v 'Trace requests and responses on stderr (the key is never shown)'
            cand --verbose 'Trace requests and responses on stderr (the key is never shown)'
            cand --dry-run 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand send 'Send an EndUser''s message to an agent and print the agent''s replies'
            cand list 'List a thread''s messages, oldest first'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'altur;message;send'= {
            cand --agent 'The agent that answers'
            cand --enduser 'The EndUser who sends the message (a UUID)'
            cand --content 'The message'
            cand --content-file 'Read the message from a file (- for stdin)'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --profile 'Profile in the config file [env: ALTUR_PROFILE] [default: default]'
            cand --config 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]'
            cand --api-key-file 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]'
            cand --base-url 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]'
            cand --timeout 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]'
            cand --retries 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]'
            cand --jq 'Filter the JSON output with a jq expression; strings print raw (implies -o json)'
            cand --fields 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]'
            cand -v 'Trace requests and responses on stderr (the key is never shown)'
            cand --verbose 'Trace requests and responses on stderr (the key is never shown)'
            cand --dry-run 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'altur;message;list'= {
            cand --tz 'The zone of -o transcript''s times: UTC (the default), an offset (+05:30, -06:00) or a tz database name (America/Mexico_City, read from $TZDIR or /usr/share/zoneinfo)'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --profile 'Profile in the config file [env: ALTUR_PROFILE] [default: default]'
            cand --config 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]'
            cand --api-key-file 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]'
            cand --base-url 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]'
            cand --timeout 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]'
            cand --retries 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]'
            cand --jq 'Filter the JSON output with a jq expression; strings print raw (implies -o json)'
            cand --fields 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]'
            cand -v 'Trace requests and responses on stderr (the key is never shown)'
            cand --verbose 'Trace requests and responses on stderr (the key is never shown)'
            cand --dry-run 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'altur;message;help'= {
            cand send 'Send an EndUser''s message to an agent and print the agent''s replies'
            cand list 'List a thread''s messages, oldest first'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'altur;message;help;send'= {
        }
        &'altur;message;help;list'= {
        }
        &'altur;message;help;help'= {
        }
        &'altur;thread'= {
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --profile 'Profile in the config file [env: ALTUR_PROFILE] [default: default]'
            cand --config 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]'
            cand --api-key-file 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]'
            cand --base-url 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]'
            cand --timeout 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]'
            cand --retries 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]'
            cand --jq 'Filter the JSON output with a jq expression; strings print raw (implies -o json)'
            cand --fields 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]'
            cand -v 'Trace requests and responses on stderr (the key is never shown)'
            cand --verbose 'Trace requests and responses on stderr (the key is never shown)'
            cand --dry-run 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand get 'Fetch a thread with its agent, EndUser, integration, tags and assignees'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'altur;thread;get'= {
            cand --tz 'The zone of -o transcript''s times: UTC (the default), an offset (+05:30, -06:00) or a tz database name (America/Mexico_City, read from $TZDIR or /usr/share/zoneinfo)'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --profile 'Profile in the config file [env: ALTUR_PROFILE] [default: default]'
            cand --config 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]'
            cand --api-key-file 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]'
            cand --base-url 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]'
            cand --timeout 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]'
            cand --retries 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]'
            cand --jq 'Filter the JSON output with a jq expression; strings print raw (implies -o json)'
            cand --fields 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]'
            cand -v 'Trace requests and responses on stderr (the key is never shown)'
            cand --verbose 'Trace requests and responses on stderr (the key is never shown)'
            cand --dry-run 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'altur;thread;help'= {
            cand get 'Fetch a thread with its agent, EndUser, integration, tags and assignees'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'altur;thread;help;get'= {
        }
        &'altur;thread;help;help'= {
        }
        &'altur;chat'= {
            cand --agent 'The agent to talk to'
            cand --enduser 'Talk as this EndUser (a UUID)'
            cand --name 'Create an EndUser with this name first and talk as them (the id goes to stderr)'
            cand --display-name 'Create an EndUser with this name first and talk as them (the id goes to stderr)'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --profile 'Profile in the config file [env: ALTUR_PROFILE] [default: default]'
            cand --config 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]'
            cand --api-key-file 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]'
            cand --base-url 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]'
            cand --timeout 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]'
            cand --retries 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]'
            cand --jq 'Filter the JSON output with a jq expression; strings print raw (implies -o json)'
            cand --fields 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]'
            cand --fail-fast 'Stop at the first failed message'
            cand -v 'Trace requests and responses on stderr (the key is never shown)'
            cand --verbose 'Trace requests and responses on stderr (the key is never shown)'
            cand --dry-run 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'altur;campaign'= {
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --profile 'Profile in the config file [env: ALTUR_PROFILE] [default: default]'
            cand --config 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]'
            cand --api-key-file 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]'
            cand --base-url 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]'
            cand --timeout 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]'
            cand --retries 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]'
            cand --jq 'Filter the JSON output with a jq expression; strings print raw (implies -o json)'
            cand --fields 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]'
            cand -v 'Trace requests and responses on stderr (the key is never shown)'
            cand --verbose 'Trace requests and responses on stderr (the key is never shown)'
            cand --dry-run 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand list 'List campaigns, newest first'
            cand get 'Show a campaign with its analytics'
            cand create 'Create a phone-call or WhatsApp campaign'
            cand update 'Change some fields of a campaign (only those given are sent)'
            cand activate 'Start a campaign (from pending, ready or cooldown)'
            cand pause 'Pause a campaign (from active or cooldown)'
            cand resume 'Resume a paused campaign'
            cand archive 'Archive a campaign (from any status)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'altur;campaign;list'= {
            cand --status 'Only campaigns in this status'
            cand --integration 'Only campaigns of this channel'
            cand --agent 'Only campaigns of this agent'
            cand --since 'Created at or after this ISO 8601 date or date-time'
            cand --until 'Created at or before this date [default with --since: now]'
            cand --limit 'Show at most N items [default: 30]'
            cand --after 'Continue a list where an earlier one stopped (the token it printed)'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --profile 'Profile in the config file [env: ALTUR_PROFILE] [default: default]'
            cand --config 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]'
            cand --api-key-file 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]'
            cand --base-url 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]'
            cand --timeout 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]'
            cand --retries 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]'
            cand --jq 'Filter the JSON output with a jq expression; strings print raw (implies -o json)'
            cand --fields 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]'
            cand --archived 'List archived campaigns'
            cand --all 'Show every item'
            cand -v 'Trace requests and responses on stderr (the key is never shown)'
            cand --verbose 'Trace requests and responses on stderr (the key is never shown)'
            cand --dry-run 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'altur;campaign;get'= {
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --profile 'Profile in the config file [env: ALTUR_PROFILE] [default: default]'
            cand --config 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]'
            cand --api-key-file 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]'
            cand --base-url 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]'
            cand --timeout 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]'
            cand --retries 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]'
            cand --jq 'Filter the JSON output with a jq expression; strings print raw (implies -o json)'
            cand --fields 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]'
            cand -v 'Trace requests and responses on stderr (the key is never shown)'
            cand --verbose 'Trace requests and responses on stderr (the key is never shown)'
            cand --dry-run 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'altur;campaign;create'= {
            cand --agent 'The agent that calls or writes (its id)'
            cand --integration-id 'The integration (phone line or WhatsApp number) of the agent'
            cand --channel 'The channel: phone_call or whatsapp'
            cand --name 'Campaign name (1-255 characters)'
            cand --description 'Description'
            cand --timezone 'IANA time zone of the schedule [API default: America/Mexico_City]'
            cand --contact-retries 'Times a contact is tried again (0-5; the body''s `retries`)'
            cand --message-limit 'Messages per run (1-10000)'
            cand --first-message 'What the agent says first (phone_call only)'
            cand --template 'WhatsApp template name (whatsapp only)'
            cand --template-alt 'Alternate WhatsApp template (whatsapp only)'
            cand --schedule 'Days and hours to run, like ''mon-fri 09:00-18:00'' (repeatable)'
            cand --input 'The body as a JSON object from FILE (- for stdin); flags override its fields'
            cand --idempotency-key 'Idempotency-Key to send [default: a new UUID]; reuse it to retry a create safely'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --profile 'Profile in the config file [env: ALTUR_PROFILE] [default: default]'
            cand --config 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]'
            cand --api-key-file 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]'
            cand --base-url 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]'
            cand --timeout 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]'
            cand --retries 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]'
            cand --jq 'Filter the JSON output with a jq expression; strings print raw (implies -o json)'
            cand --fields 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]'
            cand -v 'Trace requests and responses on stderr (the key is never shown)'
            cand --verbose 'Trace requests and responses on stderr (the key is never shown)'
            cand --dry-run 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'altur;campaign;update'= {
            cand --name 'Campaign name (1-255 characters)'
            cand --description 'Description'
            cand --timezone 'IANA time zone of the schedule [API default: America/Mexico_City]'
            cand --contact-retries 'Times a contact is tried again (0-5; the body''s `retries`)'
            cand --message-limit 'Messages per run (1-10000)'
            cand --first-message 'What the agent says first (phone_call only)'
            cand --template 'WhatsApp template name (whatsapp only)'
            cand --template-alt 'Alternate WhatsApp template (whatsapp only)'
            cand --schedule 'Days and hours to run, like ''mon-fri 09:00-18:00'' (repeatable)'
            cand --input 'The body as a JSON object from FILE (- for stdin); flags override its fields'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --profile 'Profile in the config file [env: ALTUR_PROFILE] [default: default]'
            cand --config 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]'
            cand --api-key-file 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]'
            cand --base-url 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]'
            cand --timeout 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]'
            cand --retries 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]'
            cand --jq 'Filter the JSON output with a jq expression; strings print raw (implies -o json)'
            cand --fields 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]'
            cand -v 'Trace requests and responses on stderr (the key is never shown)'
            cand --verbose 'Trace requests and responses on stderr (the key is never shown)'
            cand --dry-run 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'altur;campaign;activate'= {
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --profile 'Profile in the config file [env: ALTUR_PROFILE] [default: default]'
            cand --config 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]'
            cand --api-key-file 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]'
            cand --base-url 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]'
            cand --timeout 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]'
            cand --retries 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]'
            cand --jq 'Filter the JSON output with a jq expression; strings print raw (implies -o json)'
            cand --fields 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]'
            cand -v 'Trace requests and responses on stderr (the key is never shown)'
            cand --verbose 'Trace requests and responses on stderr (the key is never shown)'
            cand --dry-run 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'altur;campaign;pause'= {
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --profile 'Profile in the config file [env: ALTUR_PROFILE] [default: default]'
            cand --config 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]'
            cand --api-key-file 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]'
            cand --base-url 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]'
            cand --timeout 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]'
            cand --retries 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]'
            cand --jq 'Filter the JSON output with a jq expression; strings print raw (implies -o json)'
            cand --fields 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]'
            cand -v 'Trace requests and responses on stderr (the key is never shown)'
            cand --verbose 'Trace requests and responses on stderr (the key is never shown)'
            cand --dry-run 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'altur;campaign;resume'= {
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --profile 'Profile in the config file [env: ALTUR_PROFILE] [default: default]'
            cand --config 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]'
            cand --api-key-file 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]'
            cand --base-url 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]'
            cand --timeout 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]'
            cand --retries 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]'
            cand --jq 'Filter the JSON output with a jq expression; strings print raw (implies -o json)'
            cand --fields 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]'
            cand -v 'Trace requests and responses on stderr (the key is never shown)'
            cand --verbose 'Trace requests and responses on stderr (the key is never shown)'
            cand --dry-run 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'altur;campaign;archive'= {
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --profile 'Profile in the config file [env: ALTUR_PROFILE] [default: default]'
            cand --config 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]'
            cand --api-key-file 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]'
            cand --base-url 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]'
            cand --timeout 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]'
            cand --retries 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]'
            cand --jq 'Filter the JSON output with a jq expression; strings print raw (implies -o json)'
            cand --fields 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]'
            cand -v 'Trace requests and responses on stderr (the key is never shown)'
            cand --verbose 'Trace requests and responses on stderr (the key is never shown)'
            cand --dry-run 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'altur;campaign;help'= {
            cand list 'List campaigns, newest first'
            cand get 'Show a campaign with its analytics'
            cand create 'Create a phone-call or WhatsApp campaign'
            cand update 'Change some fields of a campaign (only those given are sent)'
            cand activate 'Start a campaign (from pending, ready or cooldown)'
            cand pause 'Pause a campaign (from active or cooldown)'
            cand resume 'Resume a paused campaign'
            cand archive 'Archive a campaign (from any status)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'altur;campaign;help;list'= {
        }
        &'altur;campaign;help;get'= {
        }
        &'altur;campaign;help;create'= {
        }
        &'altur;campaign;help;update'= {
        }
        &'altur;campaign;help;activate'= {
        }
        &'altur;campaign;help;pause'= {
        }
        &'altur;campaign;help;resume'= {
        }
        &'altur;campaign;help;archive'= {
        }
        &'altur;campaign;help;help'= {
        }
        &'altur;contact'= {
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --profile 'Profile in the config file [env: ALTUR_PROFILE] [default: default]'
            cand --config 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]'
            cand --api-key-file 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]'
            cand --base-url 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]'
            cand --timeout 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]'
            cand --retries 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]'
            cand --jq 'Filter the JSON output with a jq expression; strings print raw (implies -o json)'
            cand --fields 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]'
            cand -v 'Trace requests and responses on stderr (the key is never shown)'
            cand --verbose 'Trace requests and responses on stderr (the key is never shown)'
            cand --dry-run 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand add 'Add one contact to a campaign'
            cand import 'Add many contacts from a CSV, NDJSON or JSON file, in batches of up to 1000'
            cand list 'List the contacts of a campaign'
            cand get 'Show one contact'
            cand delete 'Delete a contact (only in queue or failed status)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'altur;contact;add'= {
            cand --campaign 'Campaign id'
            cand --phone 'Phone number in E.164 (+ and the country code)'
            cand --name 'Contact name'
            cand --context 'Context for the agent'
            cand --data 'extracted_data entry (repeatable)'
            cand --external-id 'Your own id for the contact (the API''s f_id)'
            cand --if-duplicate 'When the number is already in the campaign [API default: skip]'
            cand --idempotency-key 'Idempotency-Key to send [default: a new UUID]'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --profile 'Profile in the config file [env: ALTUR_PROFILE] [default: default]'
            cand --config 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]'
            cand --api-key-file 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]'
            cand --base-url 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]'
            cand --timeout 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]'
            cand --retries 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]'
            cand --jq 'Filter the JSON output with a jq expression; strings print raw (implies -o json)'
            cand --fields 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]'
            cand -v 'Trace requests and responses on stderr (the key is never shown)'
            cand --verbose 'Trace requests and responses on stderr (the key is never shown)'
            cand --dry-run 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'altur;contact;import'= {
            cand --campaign 'Campaign id'
            cand --format 'Input format [default: from the file''s extension; ndjson for stdin]'
            cand --if-duplicate 'When a number is already in the campaign'
            cand --batch-size 'Contacts per request (1-1000)'
            cand --concurrency 'Batches in flight at once (1-8)'
            cand --journal 'Append-only log that makes a re-run skip what was already created [enduser import: one per input file by default, under the state directory]'
            cand --delimiter 'CSV field separator: , ; tab or another character [default: found from the header]'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --profile 'Profile in the config file [env: ALTUR_PROFILE] [default: default]'
            cand --config 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]'
            cand --api-key-file 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]'
            cand --base-url 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]'
            cand --timeout 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]'
            cand --retries 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]'
            cand --jq 'Filter the JSON output with a jq expression; strings print raw (implies -o json)'
            cand --fields 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]'
            cand --no-journal 'Keep no journal: a re-run sends every record again'
            cand --fail-fast 'Stop at the first failed record'
            cand --validate-only 'Check every record and send nothing'
            cand --resend-uncertain 'Re-send records whose outcome the journal says is unknown (for EndUsers, may create duplicates; contact batches the journal kept are sent again under their keys anyway)'
            cand -v 'Trace requests and responses on stderr (the key is never shown)'
            cand --verbose 'Trace requests and responses on stderr (the key is never shown)'
            cand --dry-run 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'altur;contact;list'= {
            cand --campaign 'Campaign id'
            cand --status 'Only contacts in this status (queue, answered, failed, ...)'
            cand --limit 'Show at most N items [default: 30]'
            cand --after 'Continue a list where an earlier one stopped (the token it printed)'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --profile 'Profile in the config file [env: ALTUR_PROFILE] [default: default]'
            cand --config 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]'
            cand --api-key-file 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]'
            cand --base-url 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]'
            cand --timeout 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]'
            cand --retries 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]'
            cand --jq 'Filter the JSON output with a jq expression; strings print raw (implies -o json)'
            cand --fields 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]'
            cand --all 'Show every item'
            cand -v 'Trace requests and responses on stderr (the key is never shown)'
            cand --verbose 'Trace requests and responses on stderr (the key is never shown)'
            cand --dry-run 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'altur;contact;get'= {
            cand --campaign 'Campaign id'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --profile 'Profile in the config file [env: ALTUR_PROFILE] [default: default]'
            cand --config 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]'
            cand --api-key-file 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]'
            cand --base-url 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]'
            cand --timeout 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]'
            cand --retries 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]'
            cand --jq 'Filter the JSON output with a jq expression; strings print raw (implies -o json)'
            cand --fields 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]'
            cand -v 'Trace requests and responses on stderr (the key is never shown)'
            cand --verbose 'Trace requests and responses on stderr (the key is never shown)'
            cand --dry-run 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'altur;contact;delete'= {
            cand --campaign 'Campaign id'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --profile 'Profile in the config file [env: ALTUR_PROFILE] [default: default]'
            cand --config 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]'
            cand --api-key-file 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]'
            cand --base-url 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]'
            cand --timeout 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]'
            cand --retries 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]'
            cand --jq 'Filter the JSON output with a jq expression; strings print raw (implies -o json)'
            cand --fields 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]'
            cand -v 'Trace requests and responses on stderr (the key is never shown)'
            cand --verbose 'Trace requests and responses on stderr (the key is never shown)'
            cand --dry-run 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'altur;contact;help'= {
            cand add 'Add one contact to a campaign'
            cand import 'Add many contacts from a CSV, NDJSON or JSON file, in batches of up to 1000'
            cand list 'List the contacts of a campaign'
            cand get 'Show one contact'
            cand delete 'Delete a contact (only in queue or failed status)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'altur;contact;help;add'= {
        }
        &'altur;contact;help;import'= {
        }
        &'altur;contact;help;list'= {
        }
        &'altur;contact;help;get'= {
        }
        &'altur;contact;help;delete'= {
        }
        &'altur;contact;help;help'= {
        }
        &'altur;mcp'= {
            cand --toolsets 'Offer only these toolsets: endusers, messages, calls, campaigns, contacts, webhooks [default: all]'
            cand --tools 'Offer only these tools (names as --list-tools prints them)'
            cand --dir 'The folder call_recording_save writes under [default: the current folder]'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --profile 'Profile in the config file [env: ALTUR_PROFILE] [default: default]'
            cand --config 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]'
            cand --api-key-file 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]'
            cand --base-url 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]'
            cand --timeout 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]'
            cand --retries 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]'
            cand --jq 'Filter the JSON output with a jq expression; strings print raw (implies -o json)'
            cand --fields 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]'
            cand --allow-writes 'Also offer the tools that change data (create, update, delete, save a recording)'
            cand --allow-contact 'Also offer the tools that reach real people (needs --allow-writes)'
            cand --list-tools 'Print the names of the tools a session with these flags offers, one per line, and exit'
            cand -v 'Trace requests and responses on stderr (the key is never shown)'
            cand --verbose 'Trace requests and responses on stderr (the key is never shown)'
            cand --dry-run 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'altur;help'= {
            cand enduser 'Create, fetch, update and import EndUsers (your customers)'
            cand auth 'Save, inspect and remove the API key'
            cand completions 'Print a shell completion script'
            cand sandbox 'Run a local stand-in for the Altur API'
            cand webhook 'Verify, send and receive Altur''s signed webhooks'
            cand api 'Send any request to the API, with altur''s key, retries and redaction'
            cand call 'Start, follow and list phone calls; download their recordings'
            cand message 'Send a message to an agent and read a thread''s messages'
            cand thread 'Fetch a thread: an agent''s conversation with an EndUser'
            cand chat 'Talk to an agent from a terminal or a pipe, one line per message'
            cand campaign 'List, create and run campaigns (calls or WhatsApp to many contacts)'
            cand contact 'Add, import, list and delete the contacts of a campaign'
            cand mcp 'Serve the API as tools to an AI assistant (Model Context Protocol on stdio)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'altur;help;enduser'= {
            cand create 'Create an EndUser'
            cand get 'Fetch an EndUser by id'
            cand update 'Change an EndUser''s name or info (only the fields given are sent)'
            cand import 'Create many EndUsers from an NDJSON, CSV or JSON file'
        }
        &'altur;help;enduser;create'= {
        }
        &'altur;help;enduser;get'= {
        }
        &'altur;help;enduser;update'= {
        }
        &'altur;help;enduser;import'= {
        }
        &'altur;help;auth'= {
            cand login 'Save an API key to the selected profile'
            cand status 'Show where the API key comes from (masked)'
            cand logout 'Remove the selected profile''s API key'
        }
        &'altur;help;auth;login'= {
        }
        &'altur;help;auth;status'= {
        }
        &'altur;help;auth;logout'= {
        }
        &'altur;help;completions'= {
        }
        &'altur;help;sandbox'= {
            cand serve 'Serve the local API until Ctrl-C'
            cand exec 'Run a command against a fresh sandbox, then stop it'
        }
        &'altur;help;sandbox;serve'= {
        }
        &'altur;help;sandbox;exec'= {
        }
        &'altur;help;webhook'= {
            cand verify 'Check an X-Altur-Signature against the body it came with'
            cand trigger 'Send a signed sample event to your webhook handler'
            cand listen 'Receive webhooks locally: verify and print each delivery, optionally forward it'
        }
        &'altur;help;webhook;verify'= {
        }
        &'altur;help;webhook;trigger'= {
        }
        &'altur;help;webhook;listen'= {
        }
        &'altur;help;api'= {
        }
        &'altur;help;call'= {
            cand start 'Start an outbound phone call handled by an agent (POST /call)'
            cand get 'Fetch one call'
            cand wait 'Wait until a call ends: each status change on stderr, the final call on stdout'
            cand list 'List the calls of a campaign (GET /campaigns/{id}/calls)'
            cand recording 'Download one call''s recording to a file'
            cand recordings 'Download the recordings of a campaign''s calls into a folder (resumable)'
            cand export 'Export calls of campaigns into a folder: an index, transcripts, recordings (resumable)'
        }
        &'altur;help;call;start'= {
        }
        &'altur;help;call;get'= {
        }
        &'altur;help;call;wait'= {
        }
        &'altur;help;call;list'= {
        }
        &'altur;help;call;recording'= {
        }
        &'altur;help;call;recordings'= {
        }
        &'altur;help;call;export'= {
        }
        &'altur;help;message'= {
            cand send 'Send an EndUser''s message to an agent and print the agent''s replies'
            cand list 'List a thread''s messages, oldest first'
        }
        &'altur;help;message;send'= {
        }
        &'altur;help;message;list'= {
        }
        &'altur;help;thread'= {
            cand get 'Fetch a thread with its agent, EndUser, integration, tags and assignees'
        }
        &'altur;help;thread;get'= {
        }
        &'altur;help;chat'= {
        }
        &'altur;help;campaign'= {
            cand list 'List campaigns, newest first'
            cand get 'Show a campaign with its analytics'
            cand create 'Create a phone-call or WhatsApp campaign'
            cand update 'Change some fields of a campaign (only those given are sent)'
            cand activate 'Start a campaign (from pending, ready or cooldown)'
            cand pause 'Pause a campaign (from active or cooldown)'
            cand resume 'Resume a paused campaign'
            cand archive 'Archive a campaign (from any status)'
        }
        &'altur;help;campaign;list'= {
        }
        &'altur;help;campaign;get'= {
        }
        &'altur;help;campaign;create'= {
        }
        &'altur;help;campaign;update'= {
        }
        &'altur;help;campaign;activate'= {
        }
        &'altur;help;campaign;pause'= {
        }
        &'altur;help;campaign;resume'= {
        }
        &'altur;help;campaign;archive'= {
        }
        &'altur;help;contact'= {
            cand add 'Add one contact to a campaign'
            cand import 'Add many contacts from a CSV, NDJSON or JSON file, in batches of up to 1000'
            cand list 'List the contacts of a campaign'
            cand get 'Show one contact'
            cand delete 'Delete a contact (only in queue or failed status)'
        }
        &'altur;help;contact;add'= {
        }
        &'altur;help;contact;import'= {
        }
        &'altur;help;contact;list'= {
        }
        &'altur;help;contact;get'= {
        }
        &'altur;help;contact;delete'= {
        }
        &'altur;help;mcp'= {
        }
        &'altur;help;help'= {
        }
    ]
    $completions[$command]
}
