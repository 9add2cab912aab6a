
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'altur' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'altur'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'altur' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [env: ALTUR_PROFILE] [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression; strings print raw (implies -o json)')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('enduser', 'enduser', [CompletionResultType]::ParameterValue, 'Create, fetch, update and import EndUsers (your customers)')
            [CompletionResult]::new('auth', 'auth', [CompletionResultType]::ParameterValue, 'Save, inspect and remove the API key')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('sandbox', 'sandbox', [CompletionResultType]::ParameterValue, 'Run a local stand-in for the Altur API')
            [CompletionResult]::new('webhook', 'webhook', [CompletionResultType]::ParameterValue, 'Verify, send and receive Altur''s signed webhooks')
            [CompletionResult]::new('api', 'api', [CompletionResultType]::ParameterValue, 'Send any request to the API, with altur''s key, retries and redaction')
            [CompletionResult]::new('call', 'call', [CompletionResultType]::ParameterValue, 'Start, follow and list phone calls; download their recordings')
            [CompletionResult]::new('message', 'message', [CompletionResultType]::ParameterValue, 'Send a message to an agent and read a thread''s messages')
            [CompletionResult]::new('thread', 'thread', [CompletionResultType]::ParameterValue, 'Fetch a thread: an agent''s conversation with an EndUser')
            [CompletionResult]::new('chat', 'chat', [CompletionResultType]::ParameterValue, 'Talk to an agent from a terminal or a pipe, one line per message')
            [CompletionResult]::new('campaign', 'campaign', [CompletionResultType]::ParameterValue, 'List, create and run campaigns (calls or WhatsApp to many contacts)')
            [CompletionResult]::new('contact', 'contact', [CompletionResultType]::ParameterValue, 'Add, import, list and delete the contacts of a campaign')
            [CompletionResult]::new('mcp', 'mcp', [CompletionResultType]::ParameterValue, 'Serve the API as tools to an AI assistant (Model Context Protocol on stdio)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'altur;enduser' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [env: ALTUR_PROFILE] [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression; strings print raw (implies -o json)')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create an EndUser')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Fetch an EndUser by id')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change an EndUser''s name or info (only the fields given are sent)')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Create many EndUsers from an NDJSON, CSV or JSON file')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'altur;enduser;create' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Display name')
            [CompletionResult]::new('--display-name', '--display-name', [CompletionResultType]::ParameterName, 'Display name')
            [CompletionResult]::new('--info', '--info', [CompletionResultType]::ParameterName, 'Information for the agents')
            [CompletionResult]::new('--info-file', '--info-file', [CompletionResultType]::ParameterName, 'Read the info text from a file (- for stdin)')
            [CompletionResult]::new('--input', '--input', [CompletionResultType]::ParameterName, 'Read fields from a JSON object in FILE (- for stdin); flags override its fields')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [env: ALTUR_PROFILE] [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression; strings print raw (implies -o json)')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'altur;enduser;get' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [env: ALTUR_PROFILE] [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression; strings print raw (implies -o json)')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'altur;enduser;update' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Display name')
            [CompletionResult]::new('--display-name', '--display-name', [CompletionResultType]::ParameterName, 'Display name')
            [CompletionResult]::new('--info', '--info', [CompletionResultType]::ParameterName, 'Information for the agents')
            [CompletionResult]::new('--info-file', '--info-file', [CompletionResultType]::ParameterName, 'Read the info text from a file (- for stdin)')
            [CompletionResult]::new('--input', '--input', [CompletionResultType]::ParameterName, 'Read fields from a JSON object in FILE (- for stdin); flags override its fields')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [env: ALTUR_PROFILE] [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression; strings print raw (implies -o json)')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'altur;enduser;import' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Input format [default: from the file''s extension; ndjson for stdin]')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Requests in flight at once (1-64)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Append-only log that makes a re-run skip what was already created [enduser import: one per input file by default, under the state directory]')
            [CompletionResult]::new('--delimiter', '--delimiter', [CompletionResultType]::ParameterName, 'CSV field separator: , ; tab or another character [default: found from the header]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [env: ALTUR_PROFILE] [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression; strings print raw (implies -o json)')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]')
            [CompletionResult]::new('--no-journal', '--no-journal', [CompletionResultType]::ParameterName, 'Keep no journal: a re-run sends every record again')
            [CompletionResult]::new('--fail-fast', '--fail-fast', [CompletionResultType]::ParameterName, 'Stop at the first failed record')
            [CompletionResult]::new('--validate-only', '--validate-only', [CompletionResultType]::ParameterName, 'Check every record and send nothing')
            [CompletionResult]::new('--resend-uncertain', '--resend-uncertain', [CompletionResultType]::ParameterName, 'Re-send records whose outcome the journal says is unknown (for EndUsers, may create duplicates; contact batches the journal kept are sent again under their keys anyway)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'altur;enduser;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create an EndUser')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Fetch an EndUser by id')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change an EndUser''s name or info (only the fields given are sent)')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Create many EndUsers from an NDJSON, CSV or JSON file')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'altur;enduser;help;create' {
            break
        }
        'altur;enduser;help;get' {
            break
        }
        'altur;enduser;help;update' {
            break
        }
        'altur;enduser;help;import' {
            break
        }
        'altur;enduser;help;help' {
            break
        }
        'altur;auth' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [env: ALTUR_PROFILE] [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression; strings print raw (implies -o json)')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Save an API key to the selected profile')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show where the API key comes from (masked)')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Remove the selected profile''s API key')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'altur;auth;login' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [env: ALTUR_PROFILE] [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression; strings print raw (implies -o json)')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]')
            [CompletionResult]::new('--with-key', '--with-key', [CompletionResultType]::ParameterName, 'Read the key from stdin instead of a hidden prompt')
            [CompletionResult]::new('--verify', '--verify', [CompletionResultType]::ParameterName, 'Check the key against the API before saving it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'altur;auth;status' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [env: ALTUR_PROFILE] [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression; strings print raw (implies -o json)')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'altur;auth;logout' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [env: ALTUR_PROFILE] [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression; strings print raw (implies -o json)')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'altur;auth;help' {
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Save an API key to the selected profile')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show where the API key comes from (masked)')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Remove the selected profile''s API key')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'altur;auth;help;login' {
            break
        }
        'altur;auth;help;status' {
            break
        }
        'altur;auth;help;logout' {
            break
        }
        'altur;auth;help;help' {
            break
        }
        'altur;completions' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [env: ALTUR_PROFILE] [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression; strings print raw (implies -o json)')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'altur;sandbox' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [env: ALTUR_PROFILE] [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression; strings print raw (implies -o json)')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve the local API until Ctrl-C')
            [CompletionResult]::new('exec', 'exec', [CompletionResultType]::ParameterValue, 'Run a command against a fresh sandbox, then stop it')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'altur;sandbox;serve' {
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'Address to listen on [default: 127.0.0.1:8787; exec: a free loopback port]')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'The only API key the sandbox accepts')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Keep records in this file so they survive a restart')
            [CompletionResult]::new('--latency', '--latency', [CompletionResultType]::ParameterName, 'Milliseconds added to every answer')
            [CompletionResult]::new('--fail-rate', '--fail-rate', [CompletionResultType]::ParameterName, 'Fraction of requests answered with 503 (0 to 1)')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Requests allowed per second before answering 429')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Seed for every random value (ids, outcomes, faults), to make runs repeatable')
            [CompletionResult]::new('--scenario', '--scenario', [CompletionResultType]::ParameterName, 'The odds of the calls'' outcomes, tags, durations, transcripts and data (a JSON file)')
            [CompletionResult]::new('--call-seconds', '--call-seconds', [CompletionResultType]::ParameterName, 'Seconds a call takes from queued to ended (decimals allowed, 0-3600)')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'Append the request log (one line per request) to this file instead of stderr')
            [CompletionResult]::new('--webhook-url', '--webhook-url', [CompletionResultType]::ParameterName, 'Deliver signed webhooks (on_call_end, campaign.status_changed) to this URL of yours')
            [CompletionResult]::new('--webhook-secret-file', '--webhook-secret-file', [CompletionResultType]::ParameterName, 'Sign them with the secret in this file [env: ALTUR_WEBHOOK_SECRET holds the secret]')
            [CompletionResult]::new('--webhook-scheme', '--webhook-scheme', [CompletionResultType]::ParameterName, 'How to sign them')
            [CompletionResult]::new('--tune', '--tune', [CompletionResultType]::ParameterName, 'Lower the server''s limits, NAME=VALUE,... (for tests and benchmarks)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [env: ALTUR_PROFILE] [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression; strings print raw (implies -o json)')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Log no requests (the start-up and stop lines stay on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'altur;sandbox;exec' {
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'Address to listen on [default: 127.0.0.1:8787; exec: a free loopback port]')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'The only API key the sandbox accepts')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Keep records in this file so they survive a restart')
            [CompletionResult]::new('--latency', '--latency', [CompletionResultType]::ParameterName, 'Milliseconds added to every answer')
            [CompletionResult]::new('--fail-rate', '--fail-rate', [CompletionResultType]::ParameterName, 'Fraction of requests answered with 503 (0 to 1)')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Requests allowed per second before answering 429')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Seed for every random value (ids, outcomes, faults), to make runs repeatable')
            [CompletionResult]::new('--scenario', '--scenario', [CompletionResultType]::ParameterName, 'The odds of the calls'' outcomes, tags, durations, transcripts and data (a JSON file)')
            [CompletionResult]::new('--call-seconds', '--call-seconds', [CompletionResultType]::ParameterName, 'Seconds a call takes from queued to ended (decimals allowed, 0-3600)')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'Append the request log (one line per request) to this file instead of stderr')
            [CompletionResult]::new('--webhook-url', '--webhook-url', [CompletionResultType]::ParameterName, 'Deliver signed webhooks (on_call_end, campaign.status_changed) to this URL of yours')
            [CompletionResult]::new('--webhook-secret-file', '--webhook-secret-file', [CompletionResultType]::ParameterName, 'Sign them with the secret in this file [env: ALTUR_WEBHOOK_SECRET holds the secret]')
            [CompletionResult]::new('--webhook-scheme', '--webhook-scheme', [CompletionResultType]::ParameterName, 'How to sign them')
            [CompletionResult]::new('--tune', '--tune', [CompletionResultType]::ParameterName, 'Lower the server''s limits, NAME=VALUE,... (for tests and benchmarks)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [env: ALTUR_PROFILE] [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression; strings print raw (implies -o json)')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Log no requests (the start-up and stop lines stay on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'altur;sandbox;help' {
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve the local API until Ctrl-C')
            [CompletionResult]::new('exec', 'exec', [CompletionResultType]::ParameterValue, 'Run a command against a fresh sandbox, then stop it')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'altur;sandbox;help;serve' {
            break
        }
        'altur;sandbox;help;exec' {
            break
        }
        'altur;sandbox;help;help' {
            break
        }
        'altur;webhook' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [env: ALTUR_PROFILE] [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression; strings print raw (implies -o json)')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check an X-Altur-Signature against the body it came with')
            [CompletionResult]::new('trigger', 'trigger', [CompletionResultType]::ParameterValue, 'Send a signed sample event to your webhook handler')
            [CompletionResult]::new('listen', 'listen', [CompletionResultType]::ParameterValue, 'Receive webhooks locally: verify and print each delivery, optionally forward it')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'altur;webhook;verify' {
            [CompletionResult]::new('--signature', '--signature', [CompletionResultType]::ParameterName, 'The X-Altur-Signature header''s value')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'Read the webhook secret from this file [env: ALTUR_WEBHOOK_SECRET holds the secret itself]')
            [CompletionResult]::new('--scheme', '--scheme', [CompletionResultType]::ParameterName, 'The scheme to check')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [env: ALTUR_PROFILE] [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression; strings print raw (implies -o json)')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'altur;webhook;trigger' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Your webhook handler''s URL (any http or https URL; the API key is never sent to it)')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'Read the webhook secret from this file [env: ALTUR_WEBHOOK_SECRET holds the secret itself]')
            [CompletionResult]::new('--scheme', '--scheme', [CompletionResultType]::ParameterName, 'How to sign')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Override a field of the sample by dotted path: --set end_user.display_name=''"Ada"''')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [env: ALTUR_PROFILE] [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression; strings print raw (implies -o json)')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]')
            [CompletionResult]::new('--list', '--list', [CompletionResultType]::ParameterName, 'Print the events this can send, and nothing else')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'altur;webhook;listen' {
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'Address to listen on')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'Read the webhook secret from this file [env: ALTUR_WEBHOOK_SECRET holds the secret itself]')
            [CompletionResult]::new('--forward-to', '--forward-to', [CompletionResultType]::ParameterName, 'Post each verified delivery (original body and signature) to this URL of yours')
            [CompletionResult]::new('--events', '--events', [CompletionResultType]::ParameterName, 'Keep only these event types (comma-separated); others are answered 200 and dropped')
            [CompletionResult]::new('--tune', '--tune', [CompletionResultType]::ParameterName, 'Lower the server''s limits, NAME=VALUE,... (for tests and benchmarks)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [env: ALTUR_PROFILE] [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression; strings print raw (implies -o json)')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'altur;webhook;help' {
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check an X-Altur-Signature against the body it came with')
            [CompletionResult]::new('trigger', 'trigger', [CompletionResultType]::ParameterValue, 'Send a signed sample event to your webhook handler')
            [CompletionResult]::new('listen', 'listen', [CompletionResultType]::ParameterValue, 'Receive webhooks locally: verify and print each delivery, optionally forward it')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'altur;webhook;help;verify' {
            break
        }
        'altur;webhook;help;trigger' {
            break
        }
        'altur;webhook;help;listen' {
            break
        }
        'altur;webhook;help;help' {
            break
        }
        'altur;api' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Add a string field to the JSON body (or the query, for GET and DELETE)')
            [CompletionResult]::new('--raw-field', '--raw-field', [CompletionResultType]::ParameterName, 'Add a string field to the JSON body (or the query, for GET and DELETE)')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'Add a JSON field to the body: -F retries=3, -F ''cycles={"enabled":true}''')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Add a JSON field to the body: -F retries=3, -F ''cycles={"enabled":true}''')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'Add a query parameter (percent-encoded; sent on every page of --paginate)')
            [CompletionResult]::new('--input', '--input', [CompletionResultType]::ParameterName, 'Send this file (- for stdin) as the body instead of fields')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Add a request header (''Name: value''); Authorization cannot be set')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Add a request header (''Name: value''); Authorization cannot be set')
            [CompletionResult]::new('--idempotency-key', '--idempotency-key', [CompletionResultType]::ParameterName, 'Send this Idempotency-Key, which makes a POST or PATCH safe to re-send')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [env: ALTUR_PROFILE] [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression; strings print raw (implies -o json)')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Print the status line and headers before the body')
            [CompletionResult]::new('--include', '--include', [CompletionResultType]::ParameterName, 'Print the status line and headers before the body')
            [CompletionResult]::new('--paginate', '--paginate', [CompletionResultType]::ParameterName, 'Follow the API''s paging (GET only): each page as one JSON line')
            [CompletionResult]::new('--slurp', '--slurp', [CompletionResultType]::ParameterName, 'With --paginate: print one JSON array of the pages (--jq then runs once over it)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'altur;call' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [env: ALTUR_PROFILE] [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression; strings print raw (implies -o json)')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Start an outbound phone call handled by an agent (POST /call)')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Fetch one call')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Wait until a call ends: each status change on stderr, the final call on stdout')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the calls of a campaign (GET /campaigns/{id}/calls)')
            [CompletionResult]::new('recording', 'recording', [CompletionResultType]::ParameterValue, 'Download one call''s recording to a file')
            [CompletionResult]::new('recordings', 'recordings', [CompletionResultType]::ParameterValue, 'Download the recordings of a campaign''s calls into a folder (resumable)')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Export calls of campaigns into a folder: an index, transcripts, recordings (resumable)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'altur;call;start' {
            [CompletionResult]::new('--agent', '--agent', [CompletionResultType]::ParameterName, 'The agent that makes the call')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The number to call, E.164 (spaces, dashes, dots and parentheses are removed)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The person''s name, for the agent')
            [CompletionResult]::new('--display-name', '--display-name', [CompletionResultType]::ParameterName, 'The person''s name, for the agent')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context for the agent, as text')
            [CompletionResult]::new('--context-json', '--context-json', [CompletionResultType]::ParameterName, 'Context for the agent, a JSON object from FILE (- for stdin)')
            [CompletionResult]::new('--first-message', '--first-message', [CompletionResultType]::ParameterName, 'What the agent says when the call is answered')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Seconds between two polls (0.01-3600) [default: 2]')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'Seconds to wait at most before giving up with exit 11 (0-604800) [default: 3600]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [env: ALTUR_PROFILE] [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression; strings print raw (implies -o json)')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Then wait until the call ends, like `call wait`')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'altur;call;get' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [env: ALTUR_PROFILE] [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression; strings print raw (implies -o json)')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'altur;call;wait' {
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Seconds between two polls (0.01-3600) [default: 2]')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'Seconds to wait at most before giving up with exit 11 (0-604800) [default: 3600]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [env: ALTUR_PROFILE] [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression; strings print raw (implies -o json)')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'altur;call;list' {
            [CompletionResult]::new('--campaign', '--campaign', [CompletionResultType]::ParameterName, 'The campaign (a positive integer)')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only calls with this status')
            [CompletionResult]::new('--answered-by', '--answered-by', [CompletionResultType]::ParameterName, 'Only calls answered by')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only calls created at or after this ISO 8601 date or date-time')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Only calls created before this ISO 8601 date or date-time')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Show at most N calls [default: 30]')
            [CompletionResult]::new('--after', '--after', [CompletionResultType]::ParameterName, 'Continue a list where a --limit stopped (the token it printed)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [env: ALTUR_PROFILE] [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression; strings print raw (implies -o json)')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Show every call')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'altur;call;recording' {
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Where to write it (- for stdout) [default: CALL_ID.EXT in the current folder]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [env: ALTUR_PROFILE] [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression; strings print raw (implies -o json)')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace a file that exists')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'altur;call;recordings' {
            [CompletionResult]::new('--campaign', '--campaign', [CompletionResultType]::ParameterName, 'The campaign (a positive integer)')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only calls with this status')
            [CompletionResult]::new('--answered-by', '--answered-by', [CompletionResultType]::ParameterName, 'Only calls answered by')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only calls created at or after this ISO 8601 date or date-time')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Only calls created before this ISO 8601 date or date-time')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The folder for the recordings (created if missing)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Downloads at once (1-16)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [env: ALTUR_PROFILE] [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression; strings print raw (implies -o json)')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'altur;call;export' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The folder to export into (created if missing)')
            [CompletionResult]::new('--campaign', '--campaign', [CompletionResultType]::ParameterName, 'A campaign to export (repeatable); without it, the campaigns GET /campaigns lists')
            [CompletionResult]::new('--agent', '--agent', [CompletionResultType]::ParameterName, 'Only campaigns of this agent (when no --campaign is given)')
            [CompletionResult]::new('--campaign-status', '--campaign-status', [CompletionResultType]::ParameterName, 'Only campaigns in this status (when no --campaign is given)')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only calls with this status')
            [CompletionResult]::new('--answered-by', '--answered-by', [CompletionResultType]::ParameterName, 'Only calls answered by')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only campaigns and calls from this ISO 8601 date or date-time')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Only campaigns and calls before this ISO 8601 date or date-time')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Only calls with this tag (repeatable: any of them)')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'Only calls whose dotted FIELD equals VALUE (repeatable: all of them)')
            [CompletionResult]::new('--with', '--with', [CompletionResultType]::ParameterName, 'What to write beside the index')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The name of each call''s files, without extension [default: {id}]')
            [CompletionResult]::new('--index', '--index', [CompletionResultType]::ParameterName, 'The index''s format: DIR/calls.ndjson or DIR/calls.csv')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Calls handled at once (1-16)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [env: ALTUR_PROFILE] [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression; strings print raw (implies -o json)')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'altur;call;help' {
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Start an outbound phone call handled by an agent (POST /call)')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Fetch one call')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Wait until a call ends: each status change on stderr, the final call on stdout')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the calls of a campaign (GET /campaigns/{id}/calls)')
            [CompletionResult]::new('recording', 'recording', [CompletionResultType]::ParameterValue, 'Download one call''s recording to a file')
            [CompletionResult]::new('recordings', 'recordings', [CompletionResultType]::ParameterValue, 'Download the recordings of a campaign''s calls into a folder (resumable)')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Export calls of campaigns into a folder: an index, transcripts, recordings (resumable)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'altur;call;help;start' {
            break
        }
        'altur;call;help;get' {
            break
        }
        'altur;call;help;wait' {
            break
        }
        'altur;call;help;list' {
            break
        }
        'altur;call;help;recording' {
            break
        }
        'altur;call;help;recordings' {
            break
        }
        'altur;call;help;export' {
            break
        }
        'altur;call;help;help' {
            break
        }
        'altur;message' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [env: ALTUR_PROFILE] [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression; strings print raw (implies -o json)')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'Send an EndUser''s message to an agent and print the agent''s replies')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List a thread''s messages, oldest first')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'altur;message;send' {
            [CompletionResult]::new('--agent', '--agent', [CompletionResultType]::ParameterName, 'The agent that answers')
            [CompletionResult]::new('--enduser', '--enduser', [CompletionResultType]::ParameterName, 'The EndUser who sends the message (a UUID)')
            [CompletionResult]::new('--content', '--content', [CompletionResultType]::ParameterName, 'The message')
            [CompletionResult]::new('--content-file', '--content-file', [CompletionResultType]::ParameterName, 'Read the message from a file (- for stdin)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [env: ALTUR_PROFILE] [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression; strings print raw (implies -o json)')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'altur;message;list' {
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'The zone of -o transcript''s times: UTC (the default), an offset (+05:30, -06:00) or a tz database name (America/Mexico_City, read from $TZDIR or /usr/share/zoneinfo)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [env: ALTUR_PROFILE] [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression; strings print raw (implies -o json)')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'altur;message;help' {
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'Send an EndUser''s message to an agent and print the agent''s replies')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List a thread''s messages, oldest first')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'altur;message;help;send' {
            break
        }
        'altur;message;help;list' {
            break
        }
        'altur;message;help;help' {
            break
        }
        'altur;thread' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [env: ALTUR_PROFILE] [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression; strings print raw (implies -o json)')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Fetch a thread with its agent, EndUser, integration, tags and assignees')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'altur;thread;get' {
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'The zone of -o transcript''s times: UTC (the default), an offset (+05:30, -06:00) or a tz database name (America/Mexico_City, read from $TZDIR or /usr/share/zoneinfo)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [env: ALTUR_PROFILE] [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression; strings print raw (implies -o json)')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'altur;thread;help' {
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Fetch a thread with its agent, EndUser, integration, tags and assignees')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'altur;thread;help;get' {
            break
        }
        'altur;thread;help;help' {
            break
        }
        'altur;chat' {
            [CompletionResult]::new('--agent', '--agent', [CompletionResultType]::ParameterName, 'The agent to talk to')
            [CompletionResult]::new('--enduser', '--enduser', [CompletionResultType]::ParameterName, 'Talk as this EndUser (a UUID)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Create an EndUser with this name first and talk as them (the id goes to stderr)')
            [CompletionResult]::new('--display-name', '--display-name', [CompletionResultType]::ParameterName, 'Create an EndUser with this name first and talk as them (the id goes to stderr)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [env: ALTUR_PROFILE] [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression; strings print raw (implies -o json)')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]')
            [CompletionResult]::new('--fail-fast', '--fail-fast', [CompletionResultType]::ParameterName, 'Stop at the first failed message')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'altur;campaign' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [env: ALTUR_PROFILE] [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression; strings print raw (implies -o json)')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List campaigns, newest first')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show a campaign with its analytics')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a phone-call or WhatsApp campaign')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change some fields of a campaign (only those given are sent)')
            [CompletionResult]::new('activate', 'activate', [CompletionResultType]::ParameterValue, 'Start a campaign (from pending, ready or cooldown)')
            [CompletionResult]::new('pause', 'pause', [CompletionResultType]::ParameterValue, 'Pause a campaign (from active or cooldown)')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Resume a paused campaign')
            [CompletionResult]::new('archive', 'archive', [CompletionResultType]::ParameterValue, 'Archive a campaign (from any status)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'altur;campaign;list' {
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only campaigns in this status')
            [CompletionResult]::new('--integration', '--integration', [CompletionResultType]::ParameterName, 'Only campaigns of this channel')
            [CompletionResult]::new('--agent', '--agent', [CompletionResultType]::ParameterName, 'Only campaigns of this agent')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Created at or after this ISO 8601 date or date-time')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Created at or before this date [default with --since: now]')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Show at most N items [default: 30]')
            [CompletionResult]::new('--after', '--after', [CompletionResultType]::ParameterName, 'Continue a list where an earlier one stopped (the token it printed)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [env: ALTUR_PROFILE] [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression; strings print raw (implies -o json)')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]')
            [CompletionResult]::new('--archived', '--archived', [CompletionResultType]::ParameterName, 'List archived campaigns')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Show every item')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'altur;campaign;get' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [env: ALTUR_PROFILE] [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression; strings print raw (implies -o json)')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'altur;campaign;create' {
            [CompletionResult]::new('--agent', '--agent', [CompletionResultType]::ParameterName, 'The agent that calls or writes (its id)')
            [CompletionResult]::new('--integration-id', '--integration-id', [CompletionResultType]::ParameterName, 'The integration (phone line or WhatsApp number) of the agent')
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'The channel: phone_call or whatsapp')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Campaign name (1-255 characters)')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'Description')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'IANA time zone of the schedule [API default: America/Mexico_City]')
            [CompletionResult]::new('--contact-retries', '--contact-retries', [CompletionResultType]::ParameterName, 'Times a contact is tried again (0-5; the body''s `retries`)')
            [CompletionResult]::new('--message-limit', '--message-limit', [CompletionResultType]::ParameterName, 'Messages per run (1-10000)')
            [CompletionResult]::new('--first-message', '--first-message', [CompletionResultType]::ParameterName, 'What the agent says first (phone_call only)')
            [CompletionResult]::new('--template', '--template', [CompletionResultType]::ParameterName, 'WhatsApp template name (whatsapp only)')
            [CompletionResult]::new('--template-alt', '--template-alt', [CompletionResultType]::ParameterName, 'Alternate WhatsApp template (whatsapp only)')
            [CompletionResult]::new('--schedule', '--schedule', [CompletionResultType]::ParameterName, 'Days and hours to run, like ''mon-fri 09:00-18:00'' (repeatable)')
            [CompletionResult]::new('--input', '--input', [CompletionResultType]::ParameterName, 'The body as a JSON object from FILE (- for stdin); flags override its fields')
            [CompletionResult]::new('--idempotency-key', '--idempotency-key', [CompletionResultType]::ParameterName, 'Idempotency-Key to send [default: a new UUID]; reuse it to retry a create safely')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [env: ALTUR_PROFILE] [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression; strings print raw (implies -o json)')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'altur;campaign;update' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Campaign name (1-255 characters)')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'Description')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'IANA time zone of the schedule [API default: America/Mexico_City]')
            [CompletionResult]::new('--contact-retries', '--contact-retries', [CompletionResultType]::ParameterName, 'Times a contact is tried again (0-5; the body''s `retries`)')
            [CompletionResult]::new('--message-limit', '--message-limit', [CompletionResultType]::ParameterName, 'Messages per run (1-10000)')
            [CompletionResult]::new('--first-message', '--first-message', [CompletionResultType]::ParameterName, 'What the agent says first (phone_call only)')
            [CompletionResult]::new('--template', '--template', [CompletionResultType]::ParameterName, 'WhatsApp template name (whatsapp only)')
            [CompletionResult]::new('--template-alt', '--template-alt', [CompletionResultType]::ParameterName, 'Alternate WhatsApp template (whatsapp only)')
            [CompletionResult]::new('--schedule', '--schedule', [CompletionResultType]::ParameterName, 'Days and hours to run, like ''mon-fri 09:00-18:00'' (repeatable)')
            [CompletionResult]::new('--input', '--input', [CompletionResultType]::ParameterName, 'The body as a JSON object from FILE (- for stdin); flags override its fields')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [env: ALTUR_PROFILE] [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression; strings print raw (implies -o json)')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'altur;campaign;activate' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [env: ALTUR_PROFILE] [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression; strings print raw (implies -o json)')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'altur;campaign;pause' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [env: ALTUR_PROFILE] [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression; strings print raw (implies -o json)')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'altur;campaign;resume' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [env: ALTUR_PROFILE] [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression; strings print raw (implies -o json)')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'altur;campaign;archive' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [env: ALTUR_PROFILE] [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression; strings print raw (implies -o json)')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'altur;campaign;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List campaigns, newest first')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show a campaign with its analytics')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a phone-call or WhatsApp campaign')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change some fields of a campaign (only those given are sent)')
            [CompletionResult]::new('activate', 'activate', [CompletionResultType]::ParameterValue, 'Start a campaign (from pending, ready or cooldown)')
            [CompletionResult]::new('pause', 'pause', [CompletionResultType]::ParameterValue, 'Pause a campaign (from active or cooldown)')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Resume a paused campaign')
            [CompletionResult]::new('archive', 'archive', [CompletionResultType]::ParameterValue, 'Archive a campaign (from any status)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'altur;campaign;help;list' {
            break
        }
        'altur;campaign;help;get' {
            break
        }
        'altur;campaign;help;create' {
            break
        }
        'altur;campaign;help;update' {
            break
        }
        'altur;campaign;help;activate' {
            break
        }
        'altur;campaign;help;pause' {
            break
        }
        'altur;campaign;help;resume' {
            break
        }
        'altur;campaign;help;archive' {
            break
        }
        'altur;campaign;help;help' {
            break
        }
        'altur;contact' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [env: ALTUR_PROFILE] [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression; strings print raw (implies -o json)')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add one contact to a campaign')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Add many contacts from a CSV, NDJSON or JSON file, in batches of up to 1000')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the contacts of a campaign')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one contact')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a contact (only in queue or failed status)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'altur;contact;add' {
            [CompletionResult]::new('--campaign', '--campaign', [CompletionResultType]::ParameterName, 'Campaign id')
            [CompletionResult]::new('--phone', '--phone', [CompletionResultType]::ParameterName, 'Phone number in E.164 (+ and the country code)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Contact name')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context for the agent')
            [CompletionResult]::new('--data', '--data', [CompletionResultType]::ParameterName, 'extracted_data entry (repeatable)')
            [CompletionResult]::new('--external-id', '--external-id', [CompletionResultType]::ParameterName, 'Your own id for the contact (the API''s f_id)')
            [CompletionResult]::new('--if-duplicate', '--if-duplicate', [CompletionResultType]::ParameterName, 'When the number is already in the campaign [API default: skip]')
            [CompletionResult]::new('--idempotency-key', '--idempotency-key', [CompletionResultType]::ParameterName, 'Idempotency-Key to send [default: a new UUID]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [env: ALTUR_PROFILE] [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression; strings print raw (implies -o json)')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'altur;contact;import' {
            [CompletionResult]::new('--campaign', '--campaign', [CompletionResultType]::ParameterName, 'Campaign id')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Input format [default: from the file''s extension; ndjson for stdin]')
            [CompletionResult]::new('--if-duplicate', '--if-duplicate', [CompletionResultType]::ParameterName, 'When a number is already in the campaign')
            [CompletionResult]::new('--batch-size', '--batch-size', [CompletionResultType]::ParameterName, 'Contacts per request (1-1000)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Batches in flight at once (1-8)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Append-only log that makes a re-run skip what was already created [enduser import: one per input file by default, under the state directory]')
            [CompletionResult]::new('--delimiter', '--delimiter', [CompletionResultType]::ParameterName, 'CSV field separator: , ; tab or another character [default: found from the header]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [env: ALTUR_PROFILE] [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression; strings print raw (implies -o json)')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]')
            [CompletionResult]::new('--no-journal', '--no-journal', [CompletionResultType]::ParameterName, 'Keep no journal: a re-run sends every record again')
            [CompletionResult]::new('--fail-fast', '--fail-fast', [CompletionResultType]::ParameterName, 'Stop at the first failed record')
            [CompletionResult]::new('--validate-only', '--validate-only', [CompletionResultType]::ParameterName, 'Check every record and send nothing')
            [CompletionResult]::new('--resend-uncertain', '--resend-uncertain', [CompletionResultType]::ParameterName, 'Re-send records whose outcome the journal says is unknown (for EndUsers, may create duplicates; contact batches the journal kept are sent again under their keys anyway)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'altur;contact;list' {
            [CompletionResult]::new('--campaign', '--campaign', [CompletionResultType]::ParameterName, 'Campaign id')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only contacts in this status (queue, answered, failed, ...)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Show at most N items [default: 30]')
            [CompletionResult]::new('--after', '--after', [CompletionResultType]::ParameterName, 'Continue a list where an earlier one stopped (the token it printed)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [env: ALTUR_PROFILE] [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression; strings print raw (implies -o json)')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Show every item')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'altur;contact;get' {
            [CompletionResult]::new('--campaign', '--campaign', [CompletionResultType]::ParameterName, 'Campaign id')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [env: ALTUR_PROFILE] [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression; strings print raw (implies -o json)')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'altur;contact;delete' {
            [CompletionResult]::new('--campaign', '--campaign', [CompletionResultType]::ParameterName, 'Campaign id')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [env: ALTUR_PROFILE] [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression; strings print raw (implies -o json)')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'altur;contact;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add one contact to a campaign')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Add many contacts from a CSV, NDJSON or JSON file, in batches of up to 1000')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the contacts of a campaign')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one contact')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a contact (only in queue or failed status)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'altur;contact;help;add' {
            break
        }
        'altur;contact;help;import' {
            break
        }
        'altur;contact;help;list' {
            break
        }
        'altur;contact;help;get' {
            break
        }
        'altur;contact;help;delete' {
            break
        }
        'altur;contact;help;help' {
            break
        }
        'altur;mcp' {
            [CompletionResult]::new('--toolsets', '--toolsets', [CompletionResultType]::ParameterName, 'Offer only these toolsets: endusers, messages, calls, campaigns, contacts, webhooks [default: all]')
            [CompletionResult]::new('--tools', '--tools', [CompletionResultType]::ParameterName, 'Offer only these tools (names as --list-tools prints them)')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The folder call_recording_save writes under [default: the current folder]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [env: ALTUR_PROFILE] [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from this file [env: ALTUR_API_KEY holds the key itself]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression; strings print raw (implies -o json)')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are joined with `;`, objects written as JSON [default: the table''s columns]')
            [CompletionResult]::new('--allow-writes', '--allow-writes', [CompletionResultType]::ParameterName, 'Also offer the tools that change data (create, update, delete, save a recording)')
            [CompletionResult]::new('--allow-contact', '--allow-contact', [CompletionResultType]::ParameterName, 'Also offer the tools that reach real people (needs --allow-writes)')
            [CompletionResult]::new('--list-tools', '--list-tools', [CompletionResultType]::ParameterName, 'Print the names of the tools a session with these flags offers, one per line, and exit')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (the key is never shown)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, change nothing: print the request as a curl command (auth login and logout: say what they would do). Not for import: use its --validate-only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'altur;help' {
            [CompletionResult]::new('enduser', 'enduser', [CompletionResultType]::ParameterValue, 'Create, fetch, update and import EndUsers (your customers)')
            [CompletionResult]::new('auth', 'auth', [CompletionResultType]::ParameterValue, 'Save, inspect and remove the API key')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('sandbox', 'sandbox', [CompletionResultType]::ParameterValue, 'Run a local stand-in for the Altur API')
            [CompletionResult]::new('webhook', 'webhook', [CompletionResultType]::ParameterValue, 'Verify, send and receive Altur''s signed webhooks')
            [CompletionResult]::new('api', 'api', [CompletionResultType]::ParameterValue, 'Send any request to the API, with altur''s key, retries and redaction')
            [CompletionResult]::new('call', 'call', [CompletionResultType]::ParameterValue, 'Start, follow and list phone calls; download their recordings')
            [CompletionResult]::new('message', 'message', [CompletionResultType]::ParameterValue, 'Send a message to an agent and read a thread''s messages')
            [CompletionResult]::new('thread', 'thread', [CompletionResultType]::ParameterValue, 'Fetch a thread: an agent''s conversation with an EndUser')
            [CompletionResult]::new('chat', 'chat', [CompletionResultType]::ParameterValue, 'Talk to an agent from a terminal or a pipe, one line per message')
            [CompletionResult]::new('campaign', 'campaign', [CompletionResultType]::ParameterValue, 'List, create and run campaigns (calls or WhatsApp to many contacts)')
            [CompletionResult]::new('contact', 'contact', [CompletionResultType]::ParameterValue, 'Add, import, list and delete the contacts of a campaign')
            [CompletionResult]::new('mcp', 'mcp', [CompletionResultType]::ParameterValue, 'Serve the API as tools to an AI assistant (Model Context Protocol on stdio)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'altur;help;enduser' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create an EndUser')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Fetch an EndUser by id')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change an EndUser''s name or info (only the fields given are sent)')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Create many EndUsers from an NDJSON, CSV or JSON file')
            break
        }
        'altur;help;enduser;create' {
            break
        }
        'altur;help;enduser;get' {
            break
        }
        'altur;help;enduser;update' {
            break
        }
        'altur;help;enduser;import' {
            break
        }
        'altur;help;auth' {
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Save an API key to the selected profile')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show where the API key comes from (masked)')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Remove the selected profile''s API key')
            break
        }
        'altur;help;auth;login' {
            break
        }
        'altur;help;auth;status' {
            break
        }
        'altur;help;auth;logout' {
            break
        }
        'altur;help;completions' {
            break
        }
        'altur;help;sandbox' {
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve the local API until Ctrl-C')
            [CompletionResult]::new('exec', 'exec', [CompletionResultType]::ParameterValue, 'Run a command against a fresh sandbox, then stop it')
            break
        }
        'altur;help;sandbox;serve' {
            break
        }
        'altur;help;sandbox;exec' {
            break
        }
        'altur;help;webhook' {
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check an X-Altur-Signature against the body it came with')
            [CompletionResult]::new('trigger', 'trigger', [CompletionResultType]::ParameterValue, 'Send a signed sample event to your webhook handler')
            [CompletionResult]::new('listen', 'listen', [CompletionResultType]::ParameterValue, 'Receive webhooks locally: verify and print each delivery, optionally forward it')
            break
        }
        'altur;help;webhook;verify' {
            break
        }
        'altur;help;webhook;trigger' {
            break
        }
        'altur;help;webhook;listen' {
            break
        }
        'altur;help;api' {
            break
        }
        'altur;help;call' {
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Start an outbound phone call handled by an agent (POST /call)')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Fetch one call')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Wait until a call ends: each status change on stderr, the final call on stdout')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the calls of a campaign (GET /campaigns/{id}/calls)')
            [CompletionResult]::new('recording', 'recording', [CompletionResultType]::ParameterValue, 'Download one call''s recording to a file')
            [CompletionResult]::new('recordings', 'recordings', [CompletionResultType]::ParameterValue, 'Download the recordings of a campaign''s calls into a folder (resumable)')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Export calls of campaigns into a folder: an index, transcripts, recordings (resumable)')
            break
        }
        'altur;help;call;start' {
            break
        }
        'altur;help;call;get' {
            break
        }
        'altur;help;call;wait' {
            break
        }
        'altur;help;call;list' {
            break
        }
        'altur;help;call;recording' {
            break
        }
        'altur;help;call;recordings' {
            break
        }
        'altur;help;call;export' {
            break
        }
        'altur;help;message' {
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'Send an EndUser''s message to an agent and print the agent''s replies')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List a thread''s messages, oldest first')
            break
        }
        'altur;help;message;send' {
            break
        }
        'altur;help;message;list' {
            break
        }
        'altur;help;thread' {
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Fetch a thread with its agent, EndUser, integration, tags and assignees')
            break
        }
        'altur;help;thread;get' {
            break
        }
        'altur;help;chat' {
            break
        }
        'altur;help;campaign' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List campaigns, newest first')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show a campaign with its analytics')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a phone-call or WhatsApp campaign')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change some fields of a campaign (only those given are sent)')
            [CompletionResult]::new('activate', 'activate', [CompletionResultType]::ParameterValue, 'Start a campaign (from pending, ready or cooldown)')
            [CompletionResult]::new('pause', 'pause', [CompletionResultType]::ParameterValue, 'Pause a campaign (from active or cooldown)')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Resume a paused campaign')
            [CompletionResult]::new('archive', 'archive', [CompletionResultType]::ParameterValue, 'Archive a campaign (from any status)')
            break
        }
        'altur;help;campaign;list' {
            break
        }
        'altur;help;campaign;get' {
            break
        }
        'altur;help;campaign;create' {
            break
        }
        'altur;help;campaign;update' {
            break
        }
        'altur;help;campaign;activate' {
            break
        }
        'altur;help;campaign;pause' {
            break
        }
        'altur;help;campaign;resume' {
            break
        }
        'altur;help;campaign;archive' {
            break
        }
        'altur;help;contact' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add one contact to a campaign')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Add many contacts from a CSV, NDJSON or JSON file, in batches of up to 1000')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the contacts of a campaign')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one contact')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a contact (only in queue or failed status)')
            break
        }
        'altur;help;contact;add' {
            break
        }
        'altur;help;contact;import' {
            break
        }
        'altur;help;contact;list' {
            break
        }
        'altur;help;contact;get' {
            break
        }
        'altur;help;contact;delete' {
            break
        }
        'altur;help;mcp' {
            break
        }
        'altur;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
