package io.safla.safety;

import static io.safla.safety.Category.COMMAND_INJECTION;
import static io.safla.safety.Category.HTML_JS_INJECTION;
import static io.safla.safety.Category.PATH_TRAVERSAL;
import static io.safla.safety.Category.SQL_INJECTION;
import static io.safla.safety.SafetyLevel.MODERATE;
import static io.safla.safety.SafetyLevel.STRICT;
import static io.safla.safety.Severity.CRITICAL;
import static io.safla.safety.Severity.HIGH;
import static io.safla.safety.Severity.LOW;
import static io.safla.safety.Severity.MEDIUM;

import java.util.List;

/**
 * Injection payloads aimed at whatever consumes the text downstream: HTML/JS, SQL, shell and file
 * paths. Matching runs on the original and on a decoded view (entities, percent and unicode
 * escapes), with spans reported in the original.
 *
 * <p>Implementation notes: rules target payload <em>syntax</em> (a quote closing a string before
 * {@code OR 1=1}, a separator before {@code rm -rf}, a tag with an event handler) rather than
 * keywords, so prose about SELECT, XSS or {@code rm} stays clean. Bare mentions of dangerous
 * constructs run only at STRICT, with low severity.
 */
public final class ContentSafetyLayer extends FindingLayer {

    public static final String NAME = "content";

    public ContentSafetyLayer() {
        super(NAME);
    }

    /** Sensitive targets of traversal and file-read payloads. */
    private static final String SENSITIVE_FILE = "(?:etc/(?:passwd|shadow|hosts|sudoers|group|issue)|proc/self/"
            + "(?:environ|cmdline|mem|fd)|windows[/\\\\](?:win\\.ini|system32)|boot\\.ini|win\\.ini"
            + "|\\.ssh/(?:id_\\w+|authorized_keys)|\\.aws/credentials|\\.env\\b|\\.git/config|web\\.config"
            + "|wp-config\\.php|\\.htpasswd|root/|var/log/)";

    private static final String SHELL_CMD = "(?:cat|ls|id|whoami|uname|wget|curl|nc|ncat|netcat|bash|sh|zsh|"
            + "python3?|perl|php|ruby|rm|chmod|chown|ping|nslookup|dig|echo|env|printenv|ps|kill|reboot|"
            + "shutdown|powershell|cmd|certutil|sleep|base64|tftp|telnet|xterm|busybox)";

    static final List<Rule> RULES = List.of(
            // HTML / JavaScript
            Rule.of(
                            "xss.script_tag",
                            HTML_JS_INJECTION,
                            CRITICAL,
                            "<\\s*script\\b[^>]*>[\\s\\S]{0,400}?(?:<\\s*/\\s*script|$)|<\\s*script\\b[^>]*\\bsrc\\s*=")
                    .blocking()
                    .message("script element")
                    .needs("script")
                    .build(),
            Rule.of("xss.script_mention", HTML_JS_INJECTION, LOW, "<\\s*/?\\s*script\\b")
                    .from(STRICT)
                    .confidence(0.6)
                    .message("script tag mentioned")
                    .needs("script")
                    .build(),
            Rule.of(
                            "xss.event_handler",
                            HTML_JS_INJECTION,
                            HIGH,
                            "<\\s*[a-z][a-z0-9]*\\b[^>]*?[\\s/\"'](?:on[a-z]{3,20})\\s*=")
                    .blocking()
                    .message("inline event handler in a tag")
                    .needs("<")
                    .build(),
            Rule.of(
                            "xss.event_handler_payload",
                            HTML_JS_INJECTION,
                            HIGH,
                            "\\bon(?:error|load|mouseover|mouseenter|focus|blur|click|toggle|begin|animationstart|pageshow"
                                    + "|input|change|submit|wheel|pointer\\w+)\\s*=\\s*[\"'`]?\\s*(?:alert|prompt|confirm|eval|"
                                    + "fetch|document\\.|window\\.|location|top\\.|self\\.|this\\.|javascript:|import\\(|atob)")
                    .blocking()
                    .message("event handler running script")
                    .needs("=")
                    .build(),
            Rule.of(
                            "xss.js_url",
                            HTML_JS_INJECTION,
                            HIGH,
                            "(?:j\\s*a\\s*v\\s*a|v\\s*b)\\s*s\\s*c\\s*r\\s*i\\s*p\\s*t\\s*:(?!\\s)")
                    .blocking()
                    .message("javascript: URL")
                    .needs(":")
                    .build(),
            Rule.of(
                            "xss.data_html_url",
                            HTML_JS_INJECTION,
                            HIGH,
                            "\\b(?:src|href|data|action|formaction)\\s*=\\s*[\"']?\\s*data:\\s*text/html")
                    .blocking()
                    .message("data:text/html URL")
                    .needs("data:")
                    .build(),
            Rule.of(
                            "xss.dangerous_tag",
                            HTML_JS_INJECTION,
                            HIGH,
                            "<\\s*(?:iframe|object|embed|frameset|applet|base|meta\\s+http-equiv)\\b[^>]*>?")
                    .message("active-content tag")
                    .needs("<")
                    .build(),
            Rule.of("xss.svg_or_math", HTML_JS_INJECTION, MEDIUM, "<\\s*(?:svg|math|xss|isindex)\\b[^>]*>")
                    .from(MODERATE)
                    .message("SVG/MathML element in text")
                    .needs("<")
                    .build(),
            Rule.of(
                            "xss.cookie_exfil",
                            HTML_JS_INJECTION,
                            HIGH,
                            "document\\.cookie[\\s\\S]{0,80}?(?:fetch|location|src|open|send|XMLHttpRequest|Image|\\+)"
                                    + "|(?:fetch|location(?:\\.href)?\\s*=|new\\s+Image)[\\s\\S]{0,80}?document\\.cookie")
                    .blocking()
                    .message("cookie exfiltration")
                    .needs("cookie")
                    .build(),
            Rule.of(
                            "xss.dom_sink",
                            HTML_JS_INJECTION,
                            MEDIUM,
                            "\\b(?:alert|prompt|confirm)\\s*\\(\\s*(?:\\d+|document\\.\\w+|origin|[\"'`][^\"'`]{0,20}[\"'`])"
                                    + "\\s*\\)|String\\.fromCharCode\\s*\\(\\s*\\d+\\s*,|\\beval\\s*\\(\\s*(?:atob|unescape|"
                                    + "String\\.fromCharCode|location)")
                    .from(MODERATE)
                    .confidence(0.8)
                    .message("script sink with attacker-style argument")
                    .needs("(")
                    .build(),
            Rule.of(
                            "xss.js_sink_mention",
                            HTML_JS_INJECTION,
                            LOW,
                            "\\b(?:document\\.cookie|document\\.write|innerHTML\\s*=|eval\\s*\\(|setTimeout\\s*\\(\\s*[\"'])")
                    .from(STRICT)
                    .confidence(0.5)
                    .message("script sink mentioned")
                    .needs("document.", "innerhtml", "eval", "settimeout")
                    .build(),
            Rule.of("xss.css_expression", HTML_JS_INJECTION, MEDIUM, "style\\s*=\\s*[\"'][^\"']*expression\\s*\\(")
                    .from(MODERATE)
                    .message("CSS expression()")
                    .needs("expression")
                    .build(),

            // SQL
            Rule.of(
                            "sql.tautology",
                            SQL_INJECTION,
                            CRITICAL,
                            "['\"`]\\s*\\)*\\s*(?:or|and|\\|\\|)\\s+\\(?\\s*(['\"`]?)(\\w{1,12})\\1\\s*(?:=|<>|!=|like|is)\\s*"
                                    + "\\(?\\s*['\"`]?\\2\\b")
                    .blocking()
                    .message("always-true condition after a closing quote")
                    .needs("'", "\"", "`")
                    .build(),
            Rule.of(
                            "sql.numeric_tautology",
                            SQL_INJECTION,
                            HIGH,
                            "\\b(?:or|and)\\s+\\(?\\s*(\\d{1,6})\\s*=\\s*\\1\\b(?!\\s*[a-z]{3,}\\s+[a-z])")
                    .blocking()
                    .confidence(0.85)
                    .message("numeric tautology (OR 1=1)")
                    .needs("=")
                    .build(),
            Rule.of(
                            "sql.or_true",
                            SQL_INJECTION,
                            HIGH,
                            "['\"]\\s*\\)?\\s*or\\s+(?:true|not\\s+false)\\b|(['\"])\\s*or\\s+\\1\\1\\s*=\\s*\\1")
                    .blocking()
                    .message("OR TRUE after a closing quote")
                    .needs("'", "\"")
                    .build(),
            Rule.of(
                            "sql.quote_comment",
                            SQL_INJECTION,
                            HIGH,
                            "\\w['\"]\\s*\\)?\\s*(?:--|#|/\\*)(?:\\s|$)(?=[^'\"]{0,40}$)")
                    .blocking()
                    .confidence(0.85)
                    .message("quote closed then rest of query commented out")
                    .needs("--", "#", "/*")
                    .build(),
            Rule.of("sql.quote_comment_any", SQL_INJECTION, LOW, "['\"]\\s*(?:--|#|/\\*)")
                    .from(STRICT)
                    .confidence(0.6)
                    .message("quote followed by SQL comment")
                    .needs("--", "#", "/*")
                    .build(),
            Rule.of(
                            "sql.union_select",
                            SQL_INJECTION,
                            CRITICAL,
                            "\\bunion\\b(?:\\s|/\\*.*?\\*/|\\+|\\()+(?:all\\b|distinct\\b)?(?:\\s|/\\*.*?\\*/|\\+|\\()*select\\b"
                                    + "[\\s\\S]{0,60}?(?:\\bnull\\b|\\b\\d+\\s*,|@@|\\bversion\\s*\\(|\\buser\\s*\\(|\\bconcat|"
                                    + "\\bgroup_concat|table_name|column_name|\\bpassword|\\busername|char\\s*\\(|0x[0-9a-f]"
                                    + "|\\bfrom\\s+(?:information_schema|users|mysql|pg_|sys)|\\*\\s*from|--|#)")
                    .blocking()
                    .message("UNION SELECT data extraction")
                    .needs("union")
                    .build(),
            Rule.of("sql.union_select_bare", SQL_INJECTION, LOW, "\\bunion\\s+(?:all\\s+)?select\\b")
                    .from(STRICT)
                    .confidence(0.6)
                    .message("UNION SELECT mentioned")
                    .needs("union")
                    .build(),
            Rule.of(
                            "sql.stacked",
                            SQL_INJECTION,
                            CRITICAL,
                            ";\\s*(?:drop\\s+(?:table|database|schema|user|view|index)|delete\\s+from|truncate\\s+(?:table\\s+)?"
                                    + "\\w+|insert\\s+into|update\\s+\\w+\\s+set|alter\\s+(?:table|user|database)|"
                                    + "exec(?:ute)?\\s+(?:xp_|sp_|master\\.)|shutdown\\b(?!\\s+(?:the|a|an|your|my)\\b)|"
                                    + "create\\s+(?:user|login|table)|grant\\s+all|select\\s+\\w+\\s*(?:,|from)\\s*\\w*"
                                    + "[\\s\\S]{0,40}?(?:--|#|;))")
                    .blocking()
                    .message("stacked query")
                    .needs(";")
                    .build(),
            Rule.of(
                            "sql.destructive_mention",
                            SQL_INJECTION,
                            LOW,
                            "\\b(?:drop\\s+(?:table|database)|truncate\\s+table|delete\\s+from)\\b")
                    .from(STRICT)
                    .confidence(0.6)
                    .message("destructive SQL mentioned")
                    .needs("drop", "truncate", "delete")
                    .build(),
            Rule.of(
                            "sql.time_blind",
                            SQL_INJECTION,
                            HIGH,
                            "(?=[aosi;|'\"wb])(?:(?:\\b(?:and|or|select|if)\\b|;|\\||['\"])\\s*\\(?\\s*(?:sleep|pg_sleep)\\s*\\(\\s*\\d"
                                    + "|waitfor\\s+delay\\s+['\"]|\\bbenchmark\\s*\\(\\s*\\d{4,})")
                    .blocking()
                    .message("time-based blind injection")
                    .needs("sleep", "waitfor", "benchmark")
                    .build(),
            Rule.of(
                            "sql.file_or_os",
                            SQL_INJECTION,
                            HIGH,
                            "\\bxp_cmdshell\\b|\\bload_file\\s*\\(|\\binto\\s+(?:out|dump)file\\b|\\bsp_oacreate\\b|"
                                    + "\\bdbms_pipe\\.|\\butl_http\\.|\\bcopy\\s+(?:\\w+|\\([^)]{0,80}\\))\\s+(?:to|from)\\s+program\\b")
                    .blocking()
                    .message("SQL reaching files or the OS")
                    .needs(
                            "xp_cmdshell",
                            "load_file",
                            "outfile",
                            "dumpfile",
                            "sp_oacreate",
                            "dbms_pipe",
                            "utl_http",
                            "program")
                    .build(),
            Rule.of(
                            "sql.comment_obfuscation",
                            SQL_INJECTION,
                            HIGH,
                            "(?=[usioafw/])(?:\\b(?:un|sel|uni|ion|se)\\s*/\\*.{0,10}?\\*/\\s*(?:ion|ect|on|lect)\\b|/\\*!\\d{0,5}\\s*"
                                    + "(?:union|select|or|and)\\b|(?:union|select|or|and|from|where)/\\*.{0,20}?\\*/(?:select|"
                                    + "union|from|where|\\d|null))")
                    .blocking()
                    .message("keyword split by inline comments")
                    .needs("/*")
                    .build(),
            Rule.of(
                            "sql.metadata",
                            SQL_INJECTION,
                            MEDIUM,
                            "\\b(?:information_schema\\.(?:tables|columns)|sysobjects|sqlite_master|pg_shadow|mysql\\.user)\\b"
                                    + "[\\s\\S]{0,40}?(?:--|#|\\bwhere\\b|\\bunion\\b|'|\\))")
                    .from(MODERATE)
                    .confidence(0.8)
                    .message("database metadata probe")
                    .needs("information_schema", "sysobjects", "sqlite_master", "pg_shadow", "mysql.user")
                    .build(),
            Rule.of(
                            "sql.metadata_mention",
                            SQL_INJECTION,
                            LOW,
                            "\\b(?:information_schema|sysobjects|sqlite_master|@@version)\\b")
                    .from(STRICT)
                    .confidence(0.5)
                    .message("database metadata mentioned")
                    .needs("information_schema", "sysobjects", "sqlite_master", "@@version")
                    .build(),
            Rule.of(
                            "sql.hex_or_char_concat",
                            SQL_INJECTION,
                            MEDIUM,
                            "(?:char\\s*\\(\\s*\\d+\\s*\\)\\s*(?:\\+|\\|\\|)\\s*){2,}|\\bconcat\\s*\\(\\s*0x[0-9a-f]{4,}")
                    .from(MODERATE)
                    .message("string built from char codes")
                    .needs("char", "concat")
                    .build(),

            // Shell / command injection
            Rule.of(
                            "cmd.rm_rf_chained",
                            COMMAND_INJECTION,
                            CRITICAL,
                            "(?:[;&|`\\n]|\\$\\(|\\b(?:run|execute|exec|type|paste|enter|then)\\b[^.\\n]{0,30}?)\\s*(?:sudo\\s+)?"
                                    + "rm\\s+(?:-[a-z]*[rf][a-z]*\\s+)+(?:--no-preserve-root\\s+)?(?:/|~|\\*|\\$HOME|\\.{1,2}\\s|"
                                    + "/\\*)")
                    .blocking()
                    .message("recursive delete chained or requested")
                    .needs("rm")
                    .build(),
            Rule.of("cmd.rm_rf_mention", COMMAND_INJECTION, LOW, "\\brm\\s+-[a-z]*[rf][a-z]*\\s+")
                    .from(STRICT)
                    .confidence(0.6)
                    .message("recursive delete mentioned")
                    .needs("rm")
                    .build(),
            Rule.of("cmd.substitution", COMMAND_INJECTION, HIGH, "\\$\\(\\s*" + SHELL_CMD + "\\b[^)]{0,120}\\)")
                    .blocking()
                    .message("command substitution $(...)")
                    .needs("$(")
                    .build(),
            Rule.of(
                            "cmd.backtick",
                            COMMAND_INJECTION,
                            HIGH,
                            "(?:[=;&|(:\"'\\w/]|^)`\\s*" + SHELL_CMD + "\\b[^`\\n]{0,120}`")
                    .blocking()
                    .message("backtick command substitution")
                    .needs("`")
                    .build(),
            Rule.of(
                            "cmd.chained_command",
                            COMMAND_INJECTION,
                            HIGH,
                            "(?=[;&|%\\n]|[\\s\\S][;&|%\\n])(?:^|[\\s\\w.'\"/\\]-])(?:;|&&|\\|\\||\\||%0a|\\n)\\s*(?:sudo\\s+)?(?:cat\\s+/|ls\\s+-\\w*\\s*/|"
                                    + "id\\s*(?:$|[;&|#`])|whoami\\b|uname\\s+-a|wget\\s+(?:-\\S+\\s+)*https?://|curl\\s+(?:-\\S+\\s+)*"
                                    + "https?://|chmod\\s+(?:[0-7]{3,4}|\\+x|-R)|nc\\s+-|ncat\\s|bash\\s+-[ci]|sh\\s+-c|"
                                    + "python3?\\s+-c|perl\\s+-e|php\\s+-r|powershell\\b|cmd(?:\\.exe)?\\s+/c|ping\\s+-[cn]\\s+\\d|"
                                    + "nslookup\\s+\\S+\\.|cat\\s+\\S*(?:passwd|shadow|\\.env)|echo\\s+\\S+\\s*>|sleep\\s+\\d+\\s*(?:$|[;&|#]))")
                    .blocking()
                    .message("shell command chained after a separator")
                    .needs(";", "&", "|", "%0a", "\n")
                    .build(),
            Rule.of(
                            "cmd.pipe_to_shell",
                            COMMAND_INJECTION,
                            CRITICAL,
                            "\\b(?:curl|wget|fetch)\\b[^|;\\n]{0,200}\\|\\s*(?:sudo\\s+)?(?:ba|z|da)?sh\\b|\\|\\s*(?:sudo\\s+)?"
                                    + "(?:bash|sh)\\s*(?:-s\\b|$|[;&)])|\\bbase64\\s+(?:-d|--decode)\\s*\\|\\s*(?:ba)?sh\\b")
                    .blocking()
                    .message("remote content piped into a shell")
                    .needs("|")
                    .build(),
            Rule.of(
                            "cmd.reverse_shell",
                            COMMAND_INJECTION,
                            CRITICAL,
                            "\\b(?:nc|ncat|netcat)\\b[^\\n]{0,40}?\\s-(?:e|c)\\s|/dev/tcp/|\\bbash\\s+-i\\s*>&|\\bmkfifo\\b[^\\n]{0,60}"
                                    + "\\bnc\\b|\\bsocat\\b[^\\n]{0,60}\\bexec:|\\|\\s*(?:nc|ncat|netcat)\\s+[\\w.-]+\\s+\\d{2,5}")
                    .blocking()
                    .message("reverse shell / network pipe")
                    .needs("nc", "netcat", "/dev/tcp", "bash", "mkfifo", "socat")
                    .build(),
            Rule.of(
                            "cmd.interpreter_shell",
                            COMMAND_INJECTION,
                            CRITICAL,
                            "\\b(?:python[23]?|perl|ruby|php|node)\\s+-[cer]\\s+['\"][^\\n]{0,400}?(?:socket|pty\\.spawn|/bin/(?:ba)?sh|"
                                    + "subprocess|os\\.system|exec\\s*\\(|child_process|fsockopen)")
                    .blocking()
                    .message("interpreter one-liner opening a shell")
                    .needs("python", "perl", "ruby", "php", "node")
                    .build(),
            Rule.of(
                            "cmd.fork_bomb",
                            COMMAND_INJECTION,
                            CRITICAL,
                            ":\\s*\\(\\s*\\)\\s*\\{\\s*:\\s*\\|\\s*:\\s*&\\s*\\}\\s*;\\s*:")
                    .blocking()
                    .message("fork bomb")
                    .needs("{")
                    .build(),
            Rule.of(
                            "cmd.dropper",
                            COMMAND_INJECTION,
                            HIGH,
                            "\\b(?:wget|curl)\\b[^\\n;|]{0,160}?(?:-O\\s*/tmp/|-o\\s*/tmp/|/tmp/\\S+\\s*(?:;|&&)\\s*chmod)"
                                    + "|\\bchmod\\s+(?:\\+x|7[0-7]{2})\\s+/tmp/|\\bcertutil\\s+-urlcache|\\bpowershell\\b[^\\n]{0,40}"
                                    + "\\s-(?:enc|e|encodedcommand|w\\s+hidden)\\b|\\biex\\s*\\(\\s*(?:new-object|iwr|invoke-webrequest)")
                    .blocking()
                    .message("download-and-execute")
                    .needs("wget", "curl", "chmod", "certutil", "powershell", "iex")
                    .build(),
            Rule.of(
                            "cmd.code_exec",
                            COMMAND_INJECTION,
                            HIGH,
                            "__import__\\s*\\(\\s*['\"]os['\"]\\s*\\)\\s*\\.\\s*(?:system|popen)|\\bos\\.(?:system|popen)\\s*\\("
                                    + "\\s*['\"][^'\"]{0,80}(?:rm\\s|curl|wget|nc\\s|bash|/bin/sh|cat\\s+/etc)|\\bRuntime\\.getRuntime\\(\\)"
                                    + "\\.exec\\s*\\(\\s*\"[^\"]{0,80}(?:rm\\s|curl|wget|nc\\s|bash|sh\\s+-c)|\\bsystem\\s*\\(\\s*['\"]"
                                    + "(?:rm\\s|curl|wget|nc\\s|/bin/sh|bash)")
                    .blocking()
                    .message("code calling a shell with a payload")
                    .needs("__import__", "os.", "runtime", "system")
                    .build(),
            Rule.of(
                            "cmd.code_exec_mention",
                            COMMAND_INJECTION,
                            LOW,
                            "\\bos\\.system\\s*\\(|\\bsubprocess\\.\\w+\\([^)]*shell\\s*=\\s*True|\\bRuntime\\.getRuntime\\(\\)\\.exec")
                    .from(STRICT)
                    .confidence(0.5)
                    .message("shell call in code")
                    .needs("os.system", "subprocess", "runtime")
                    .build(),
            Rule.of(
                            "cmd.windows_destructive",
                            COMMAND_INJECTION,
                            HIGH,
                            "(?:&|\\||;)\\s*(?:del\\s+/[fsq]|format\\s+[a-z]:|rd\\s+/s|net\\s+user\\s+\\w+\\s+\\S+\\s+/add|"
                                    + "reg\\s+delete|vssadmin\\s+delete)")
                    .blocking()
                    .message("destructive Windows command chained")
                    .needs("&", "|", ";")
                    .build(),

            // Path traversal
            Rule.of(
                            "path.traversal_sensitive",
                            PATH_TRAVERSAL,
                            CRITICAL,
                            "(?:\\.{2,4}[/\\\\]+){1,}(?:[\\w.-]+[/\\\\]+){0,3}?" + SENSITIVE_FILE)
                    .blocking()
                    .message("traversal to a sensitive file")
                    .needs("..")
                    .build(),
            Rule.of("path.traversal_deep", PATH_TRAVERSAL, HIGH, "(?:\\.\\.[/\\\\]+){3,}")
                    .blocking()
                    .confidence(0.85)
                    .message("deep ../ traversal")
                    .needs("..")
                    .build(),
            Rule.of(
                            "path.traversal_bypass",
                            PATH_TRAVERSAL,
                            HIGH,
                            "(?=[.%])(?:\\.\\.\\.\\.//|\\.\\.\\.\\.\\\\\\\\|%c0%ae|%c0%af|%c1%9c|%252e%252e|\\.\\.%2f|\\.\\.%5c|%2e%2e|\\.\\.;/"
                                    + "|\\.\\.\\\\/|\\.\\./\\.\\./)")
                    .blocking()
                    .confidence(0.85)
                    .message("encoded or filter-bypassing traversal")
                    .needs("..", "%c0", "%c1", "%252e", "%2e")
                    .build(),
            Rule.of("path.traversal_shallow", PATH_TRAVERSAL, LOW, "(?:\\.\\.[/\\\\]){2}")
                    .from(STRICT)
                    .confidence(0.5)
                    .message("../../ in text")
                    .needs("..")
                    .build(),
            Rule.of(
                            "path.sensitive_read",
                            PATH_TRAVERSAL,
                            HIGH,
                            "(?:\\b(?:cat|type|more|less|head|tail|open|read|fopen|include|require|show|print|display|dump|"
                                    + "fetch|load|get|file|path|page|doc|template|filename|url)\\b\\s*[(=:]?\\s*['\"]?|file://+|"
                                    + "php://filter[^\\s]*resource=)\\s*/?(?:[a-z]:)?[/\\\\]?" + SENSITIVE_FILE)
                    .blocking()
                    .confidence(0.85)
                    .message("read of a sensitive system file")
                    .needs(
                            "etc/",
                            "proc/",
                            "windows",
                            "boot.ini",
                            "win.ini",
                            ".ssh",
                            ".aws",
                            ".env",
                            ".git",
                            "web.config",
                            "wp-config",
                            ".htpasswd",
                            "root/",
                            "var/log")
                    .build(),
            Rule.of(
                            "path.wrapper",
                            PATH_TRAVERSAL,
                            HIGH,
                            "\\b(?:php://(?:filter|input)|zip://|phar://|expect://|file:///(?:etc|proc|c:|windows|root|home))")
                    .blocking()
                    .message("file/stream wrapper URL")
                    .needs("://")
                    .build(),
            Rule.of("path.sensitive_mention", PATH_TRAVERSAL, LOW, "/" + SENSITIVE_FILE)
                    .from(STRICT)
                    .confidence(0.5)
                    .message("sensitive path mentioned")
                    .needs(
                            "etc/",
                            "proc/",
                            "windows",
                            "boot.ini",
                            "win.ini",
                            ".ssh",
                            ".aws",
                            ".env",
                            ".git",
                            "web.config",
                            "wp-config",
                            ".htpasswd",
                            "root/",
                            "var/log")
                    .build());

    @Override
    protected List<Finding> find(SafetyInput input) {
        return RuleEngine.scan(NAME, RULES, DecodedText.of(input.text()), input.level());
    }
}
