package io.safla.safety;

import static io.safla.safety.Category.JAILBREAK;
import static io.safla.safety.Category.PROMPT_INJECTION;
import static io.safla.safety.SafetyLevel.MODERATE;
import static io.safla.safety.SafetyLevel.STRICT;
import static io.safla.safety.Severity.CRITICAL;
import static io.safla.safety.Severity.HIGH;
import static io.safla.safety.Severity.LOW;
import static io.safla.safety.Severity.MEDIUM;

import java.util.List;

/**
 * Attempts to override the agent's instructions, switch it into an unrestricted persona, extract
 * its hidden prompt or smuggle fake conversation delimiters.
 *
 * <p>Implementation notes: an override needs both an override verb and an object that names the
 * agent's instructions qualified as earlier/system/your ("ignore the previous step" in a story is
 * not an override; "ignore your previous instructions" is). Paraphrases that no pattern covers are
 * the job of {@link SemanticLayer}.
 */
public final class PromptInjectionLayer extends FindingLayer {

    public static final String NAME = "prompt";

    public PromptInjectionLayer() {
        super(NAME);
    }

    private static final String OVERRIDE_VERB = "(?:ignore|ignoring|disregard|disregarding|forget|forgetting|override|"
            + "overriding|bypass|bypassing|skip|abandon|discard|drop|neglect|throw\\s+out|set\\s+aside|put\\s+aside|"
            + "stop\\s+following|do\\s+not\\s+follow|don'?t\\s+follow|no\\s+longer\\s+follow|erase|delete|wipe|clear)";

    private static final String INSTRUCTION_NOUN = "(?:instructions?|prompts?|rules?|guidelines?|directives?|"
            + "commands?|guardrails?|restrictions?|constraints?|polic(?:y|ies)|programming|training|orders|"
            + "system\\s+message|context|guidance|directions|briefing|setup|safety\\s+(?:settings|filters?|measures)|content\\s+filters?|filters?)";

    private static final String QUALIFIER = "(?:previous|prior|above|earlier|preceding|original|initial|system|"
            + "developer|existing|old|safety|default|given|built-in|hidden|openai|anthropic|all\\s+(?:the\\s+)?"
            + "(?:previous|prior|above)|your|these|those|any)";

    static final List<Rule> RULES = List.of(
            Rule.of(
                            "prompt.override",
                            PROMPT_INJECTION,
                            HIGH,
                            "\\b" + OVERRIDE_VERB
                                    + "\\b\\s+(?:all\\s+|any\\s+|every\\s+|each\\s+)?(?:of\\s+)?(?:the\\s+|your\\s+|my\\s+"
                                    + "|these\\s+|those\\s+)?" + QUALIFIER + "\\s+(?:\\w+\\s+){0,2}?" + INSTRUCTION_NOUN
                                    + "\\b")
                    .blocking()
                    .message("instruction override")
                    .needs(
                            "ignor",
                            "disregard",
                            "forget",
                            "overrid",
                            "bypass",
                            "skip",
                            "abandon",
                            "discard",
                            "drop",
                            "neglect",
                            "throw",
                            "aside",
                            "follow",
                            "erase",
                            "delete",
                            "wipe",
                            "clear")
                    .build(),
            Rule.of(
                            "prompt.override_everything",
                            PROMPT_INJECTION,
                            HIGH,
                            "\\b" + OVERRIDE_VERB
                                    + "\\b\\s+(?:everything|all|anything|what(?:ever)?)\\s+(?:you(?:'ve|\\s+have|\\s+were"
                                    + "|\\s+was)?\\s+(?:been\\s+)?(?:told|instructed|given|taught|programmed)|(?:that\\s+)?(?:was\\s+)?"
                                    + "(?:said|written|stated)?\\s*(?:above|before|earlier|previously))")
                    .blocking()
                    .message("instruction override (everything before)")
                    .needs(
                            "ignor",
                            "disregard",
                            "forget",
                            "overrid",
                            "bypass",
                            "skip",
                            "abandon",
                            "discard",
                            "drop",
                            "neglect",
                            "throw",
                            "aside",
                            "follow",
                            "erase",
                            "delete",
                            "wipe",
                            "clear")
                    .build(),
            Rule.of(
                            "prompt.override_post_qualified",
                            PROMPT_INJECTION,
                            HIGH,
                            "\\b" + OVERRIDE_VERB + "\\b\\s+(?:all\\s+|any\\s+)?(?:of\\s+)?(?:the\\s+|your\\s+)?"
                                    + INSTRUCTION_NOUN
                                    + "\\s+(?:that\\s+)?(?:you(?:'ve|\\s+have|\\s+were|\\s+got|\\s+received)?\\s+(?:been\\s+)?(?:given|got|"
                                    + "received|told|set\\s+up\\s+with)|(?:from|by)\\s+(?:before|earlier|the\\s+(?:developer|operator|"
                                    + "system|admin))|so\\s+far)")
                    .blocking()
                    .message("instruction override")
                    .needs(
                            "ignor",
                            "disregard",
                            "forget",
                            "overrid",
                            "bypass",
                            "skip",
                            "abandon",
                            "discard",
                            "drop",
                            "neglect",
                            "throw",
                            "aside",
                            "follow",
                            "erase",
                            "delete",
                            "wipe",
                            "clear")
                    .build(),
            Rule.of(
                            "prompt.instructions_void",
                            PROMPT_INJECTION,
                            HIGH,
                            "\\b" + INSTRUCTION_NOUN
                                    + "\\s+(?:(?:you\\s+)?(?:got|were\\s+given|received|given)\\s+)?(?:earlier\\s+|"
                                    + "before\\s+|previously\\s+)?(?:are|is)\\s+(?:now\\s+)?(?:void|null|cancell?ed|revoked|obsolete|"
                                    + "invalid|overridden|no\\s+longer\\s+(?:valid|active|in\\s+effect|apply|applicable))")
                    .blocking()
                    .message("declares the agent's instructions void")
                    .needs("void", "null", "cancel", "revoked", "obsolete", "invalid", "overridden", "longer")
                    .build(),
            Rule.of(
                            "prompt.operator_dismissal",
                            PROMPT_INJECTION,
                            HIGH,
                            "\\b(?:never\\s*mind|forget(?:\\s+about)?|ignore|disregard)\\s+(?:what|whatever|anything|all)\\s+(?:the|your)\\s+"
                                    + "(?:operator|developer|system|creators?|admin(?:istrator)?|owner|company)s?\\s+(?:has\\s+)?"
                                    + "(?:told|said|instructed|wrote|asked)")
                    .blocking()
                    .message("dismisses the operator's instructions")
                    .needs("mind", "forget", "ignore", "disregard")
                    .build(),
            Rule.of(
                            "prompt.context_dump",
                            PROMPT_INJECTION,
                            HIGH,
                            "\\b(?:output|print|repeat|reveal|show|tell\\s+me|write\\s+down|list|dump)\\s+(?:me\\s+)?(?:everything|all|"
                                    + "whatever|anything)\\s+(?:that\\s+)?you\\s+(?:were|have\\s+been|got)\\s+(?:told|given|instructed|"
                                    + "shown)\\s+(?:before|prior\\s+to|at\\s+the\\s+start|earlier|by)")
                    .blocking()
                    .message("dump of the agent's prior instructions")
                    .needs("you")
                    .build(),
            Rule.of(
                            "prompt.hidden_rules",
                            PROMPT_INJECTION,
                            HIGH,
                            "\\b(?:reveal|show|print|output|display|tell\\s+me|give\\s+me|leak|dump|paste|share|list|disclose)\\b"
                                    + "[^.?!\\n]{0,25}?\\b(?:the|your)\\s+(?:hidden|secret|internal|confidential|private)\\s+"
                                    + "(?:rules|guidelines|instructions|directives|policies|prompt|settings|configuration)")
                    .blocking()
                    .message("request for hidden rules")
                    .needs("hidden", "secret", "internal", "confidential", "private")
                    .build(),
            Rule.of(
                            "prompt.new_instructions",
                            PROMPT_INJECTION,
                            HIGH,
                            "\\b(?:your\\s+(?:new|real|actual|true|updated)\\s+(?:instructions?|task|role|goal|objective|purpose|"
                                    + "directive)s?\\s+(?:is|are|will\\s+be)|your\\s+(?:instructions|orders|task)\\s+(?:is|are)\\s+now\\b|new\\s+(?:system\\s+)?instructions?\\s*:|"
                                    + "(?:updated|revised|overriding)\\s+system\\s+(?:prompt|instructions?)\\s*:)")
                    .blocking()
                    .message("replacement instructions")
                    .needs("your", "instruction", "system")
                    .build(),
            Rule.of(
                            "prompt.instead_follow",
                            PROMPT_INJECTION,
                            MEDIUM,
                            "\\b(?:instead|from\\s+now\\s+on|henceforth|for\\s+the\\s+rest\\s+of\\s+this\\s+conversation)\\s*,?\\s+"
                                    + "(?:you\\s+(?:will|must|shall|are\\s+to)|only\\s+(?:respond|answer|obey|follow)|obey|follow\\s+"
                                    + "(?:only\\s+)?(?:my|these|the\\s+following))")
                    .from(MODERATE)
                    .confidence(0.8)
                    .message("instruction redirection")
                    .needs("instead", "now", "henceforth", "rest")
                    .build(),
            Rule.of(
                            "prompt.system_extraction",
                            PROMPT_INJECTION,
                            HIGH,
                            "\\b(?:reveal|show|print|repeat|output|display|tell\\s+me|give\\s+me|leak|dump|recite|spell\\s+out|"
                                    + "write\\s+out|copy|paste|share|disclose|list|what\\s+(?:is|are|was|were))\\b[^.?!\\n]{0,40}?"
                                    + "\\b(?:your|the\\s+(?:hidden|secret|internal|original|initial|full|exact|complete)|(?:your|the)"
                                    + "\\s+(?:\\w+\\s+)?(?:system|developer))\\s+(?:\\w+\\s+)?(?:system\\s+)?(?:prompt|instructions|"
                                    + "message|directives|rules\\s+you\\s+were\\s+given|configuration|guidelines\\s+verbatim)\\b")
                    .blocking()
                    .message("system prompt extraction")
                    .needs("prompt", "instructions", "message", "directives", "rules", "configuration", "guidelines")
                    .build(),
            Rule.of(
                            "prompt.repeat_above",
                            PROMPT_INJECTION,
                            HIGH,
                            "\\b(?:repeat|print|output|copy|reproduce|echo|translate|summari[sz]e)\\b[^.?!\\n]{0,30}?\\b(?:the\\s+)?"
                                    + "(?:text|words|everything|content|message|lines?|instructions)\\s+(?:above|before\\s+this|"
                                    + "preceding|at\\s+the\\s+(?:start|beginning)\\s+of\\s+(?:this|the)\\s+(?:conversation|chat|"
                                    + "context))[^.?!\\n]{0,40}?(?:verbatim|word\\s+for\\s+word|exactly|in\\s+full|including|"
                                    + "starting\\s+with|code\\s*block)")
                    .blocking()
                    .message("verbatim dump of preceding context")
                    .needs("above", "before", "preceding", "beginning", "start")
                    .build(),
            Rule.of(
                            "prompt.delimiter",
                            PROMPT_INJECTION,
                            HIGH,
                            "<\\|\\s*(?:im_start|im_end|system|endoftext|assistant|user)\\s*\\|>|\\[/?(?:INST|SYS)\\]|<</?SYS>>|"
                                    + "</?(?:system|instructions?|admin|developer)(?:_prompt|_message)?>|\\bEND\\s+OF\\s+"
                                    + "(?:USER\\s+INPUT|PROMPT|SYSTEM\\s+PROMPT|CONVERSATION)\\b|\\bBEGIN\\s+(?:NEW\\s+)?SYSTEM\\s+"
                                    + "(?:PROMPT|INSTRUCTIONS)\\b")
                    .blocking()
                    .message("chat-template delimiter smuggled into input")
                    .needs("<", "[", "end", "begin")
                    .build(),
            Rule.of(
                            "prompt.fake_turn",
                            PROMPT_INJECTION,
                            HIGH,
                            "(?:^|\\n)\\s*(?:#{1,4}\\s*)?(?:system|assistant|admin|developer)\\s*(?:message|prompt|override|note)?"
                                    + "\\s*:\\s*(?=[^\\n]{0,200}\\b(?:ignore|disregard|you\\s+(?:are|must|will|may|can)|new|"
                                    + "override|unrestricted|allowed|authori[sz]ed|reveal|disable|without))")
                    .blocking()
                    .message("fake system/assistant turn")
                    .needs("system", "assistant", "admin", "developer")
                    .build(),
            Rule.of(
                            "prompt.authority_claim",
                            PROMPT_INJECTION,
                            MEDIUM,
                            "\\b(?:i\\s+am|this\\s+is|message\\s+from)\\s+(?:your|the|an?)\\s+(?:developer|creator|administrator|"
                                    + "admin|system\\s+administrator|openai|anthropic|owner|operator)s?\\b[^.!?\\n]{0,80}?\\b(?:"
                                    + "authori[sz]e|allow|permit|unlock|disable|override|grant|disregard|ignore|no\\s+longer)")
                    .from(MODERATE)
                    .message("false authority claim")
                    .needs("developer", "creator", "admin", "openai", "anthropic", "owner", "operator")
                    .build(),
            Rule.of(
                            "prompt.disable_safety",
                            PROMPT_INJECTION,
                            HIGH,
                            "\\b(?:disable|turn\\s+off|deactivate|remove|switch\\s+off|suspend|lift)\\b\\s+(?:all\\s+)?(?:of\\s+)?"
                                    + "(?:your|the)\\s+(?:safety|content|moderation|ethical|security)?\\s*(?:filters?|guardrails?|"
                                    + "safeguards?|restrictions?|censorship|moderation|safety\\s+(?:features?|checks?|rules?)|"
                                    + "alignment)")
                    .blocking()
                    .message("request to disable safeguards")
                    .needs("disable", "off", "deactivate", "remove", "off", "suspend", "lift")
                    .build(),
            Rule.of(
                            "prompt.multilingual_override",
                            PROMPT_INJECTION,
                            HIGH,
                            "\\b(?:ignora|olvida|ignorez|ignore|oubliez|oublie|ignoriere|vergiss|ignorare|dimentica|negeer|"
                                    + "vergeet)\\b[^.\\n]{0,30}?\\b(?:instrucciones|indicaciones|instructions|consignes|Anweisungen|"
                                    + "Regeln|istruzioni|instructies)\\b")
                    .blocking()
                    .message("instruction override (non-English)")
                    .needs("ignor", "olvida", "oubli", "vergiss", "dimentica", "negeer", "vergeet")
                    .build(),
            Rule.of(
                            "prompt.exfiltration_link",
                            PROMPT_INJECTION,
                            HIGH,
                            "!\\[[^\\]]{0,40}\\]\\(https?://[^)\\s]{1,120}(?:\\?|&)[^)\\s]{0,40}=\\s*(?:\\{|\\$|<|%7B)"
                                    + "|\\b(?:append|include|add|encode)\\b[^.\\n]{0,60}\\b(?:conversation|chat\\s+history|"
                                    + "previous\\s+messages|user'?s?\\s+data|api\\s+key|secrets?)\\b[^.\\n]{0,40}\\b(?:to|in|into)\\s+"
                                    + "(?:the\\s+)?(?:url|link|image|query\\s+string)")
                    .blocking()
                    .message("data exfiltration via link")
                    .needs("](", "url", "link", "image", "query")
                    .build(),
            Rule.of(
                            "prompt.tool_hijack",
                            PROMPT_INJECTION,
                            MEDIUM,
                            "\\b(?:when\\s+you\\s+(?:read|see|process|summari[sz]e)\\s+this|ai\\s+(?:assistant|agent)s?\\s+"
                                    + "(?:reading|processing)\\s+this|note\\s+to\\s+(?:the\\s+)?(?:ai|llm|assistant|agent|model))\\b")
                    .from(MODERATE)
                    .message("instructions addressed to an AI reader")
                    .needs("when", "ai", "note")
                    .build(),

            // Jailbreak / persona
            Rule.of(
                            "jailbreak.dan",
                            JAILBREAK,
                            CRITICAL,
                            "\\bDAN\\b[^.\\n]{0,80}?(?i:do\\s+anything\\s+now|no\\s+(?:rules|restrictions|limits))|\\b(?i:you\\s+are|you're|"
                                    + "pretend\\s+to\\s+be|act\\s+as|become|ahora\\s+eres)\\s+(?:now\\s+)?(?:a\\s+)?DAN\\b|"
                                    + "\\b(?i:do\\s+anything\\s+now)\\b|\\b(?:STAN|DUDE|AIM|KEVIN|BetterDAN|AntiGPT|DevMode)\\b[^.\\n]{0,60}?"
                                    + "(?i:no\\s+(?:rules|restrictions|filters|ethic)|unfiltered|amoral|always\\s+(?:answers?|"
                                    + "responds?))")
                    .caseSensitive()
                    .blocking()
                    .message("named jailbreak persona")
                    .needs("dan", "anything", "stan", "dude", "aim", "kevin", "antigpt", "devmode")
                    .build(),
            Rule.of(
                            "jailbreak.you_are_now",
                            JAILBREAK,
                            HIGH,
                            "\\byou\\s+are\\s+(?:now|no\\s+longer)\\b[^.\\n]{0,60}?(?:unrestricted|unfiltered|uncensored|"
                                    + "jailbroken|free\\s+(?:from|of)|without\\s+(?:any\\s+)?(?:rules|restrictions|limits|filters|"
                                    + "guidelines|ethics)|not\\s+bound|no\\s+(?:rules|restrictions|limits|filters|guidelines)|"
                                    + "(?:an?\\s+)?(?:ai|assistant|chatbot|model)\\s+(?:called|named)|evil|amoral|bound\\s+by|"
                                    + "an?\\s+(?:different|new)\\s+(?:ai|model|assistant)|chatgpt|claude|gpt|an\\s+ai\\s+that)")
                    .blocking()
                    .message("persona switch to an unrestricted AI")
                    .needs("you")
                    .build(),
            Rule.of("jailbreak.you_are_now_weak", JAILBREAK, LOW, "\\byou\\s+are\\s+now\\s+(?:an?\\s+)?\\w+")
                    .from(STRICT)
                    .confidence(0.6)
                    .message("persona switch")
                    .needs("you")
                    .build(),
            Rule.of(
                            "jailbreak.no_restrictions",
                            JAILBREAK,
                            HIGH,
                            "\\b(?:pretend|act|behave|imagine|roleplay|role-play|simulate|respond|answer|reply|talk|speak|"
                                    + "write|operate|function)\\b[^.\\n]{0,60}?\\b(?:no|without|free\\s+(?:of|from)|zero|never\\s+(?:been\\s+)?"
                                    + "(?:given|had|trained\\s+with)|"
                                    + "don'?t\\s+have\\s+(?:any)?|do\\s+not\\s+have\\s+(?:any)?|none\\s+of\\s+(?:your|the))\\s+"
                                    + "(?:any\\s+)?(?:\\w+\\s+)?(?:restrictions|rules|filters|limits|limitations|guidelines|ethics|"
                                    + "ethical\\s+(?:guidelines|constraints|boundaries|limits)|morals?|moral\\s+\\w+|censorship|"
                                    + "content\\s+polic(?:y|ies)|safety\\s+(?:guidelines|rules|filters|constraints)|guardrails|"
                                    + "boundaries|constraints)")
                    .blocking()
                    .message("request to act without restrictions")
                    .needs(
                            "restriction",
                            "rule",
                            "filter",
                            "limit",
                            "guideline",
                            "ethic",
                            "moral",
                            "censor",
                            "polic",
                            "safety",
                            "guardrail",
                            "boundar",
                            "constraint")
                    .build(),
            Rule.of(
                            "jailbreak.mode",
                            JAILBREAK,
                            HIGH,
                            "\\b(?:developer|dev|god|sudo|debug|admin|unrestricted|jailbreak|jailbroken|unfiltered|opposite|"
                                    + "evil|chaos|maintenance|root)\\s+mode\\b[^.\\n]{0,40}?(?:enabled|activated|on(?=\\s*(?:[.!:;,]|$))|engaged|"
                                    + "unlocked)|\\b(?:enable|activate|enter|switch\\s+to|turn\\s+on|unlock|engage)\\s+(?:the\\s+)?"
                                    + "(?:developer|dev|god|sudo|debug|admin|unrestricted|jailbreak|jailbroken|unfiltered|"
                                    + "opposite|evil|chaos)\\s+mode\\b(?![^.\\n]{0,30}\\b(?:android|phone|iphone|ios|device|chrome|browser|"
                                    + "windows|mac|tablet|tv|xbox|playstation|router|settings|firmware|bios|app)\\b)")
                    .blocking()
                    .message("privileged mode switch")
                    .needs("mode")
                    .build(),
            Rule.of(
                            "jailbreak.persona_unfiltered",
                            JAILBREAK,
                            HIGH,
                            "\\b(?:jailbroken|unfiltered|uncensored|unrestricted|amoral|unethical|unaligned)\\s+(?:ai|assistant|"
                                    + "chatbot|model|version|llm|persona|character|mode)\\b")
                    .blocking()
                    .confidence(0.85)
                    .message("unfiltered AI persona")
                    .needs("jailbr", "unfiltered", "uncensored", "unrestricted", "amoral", "unethical", "unaligned")
                    .build(),
            Rule.of(
                            "jailbreak.ai_without_limits",
                            JAILBREAK,
                            HIGH,
                            "\\b(?:ai|a\\.i\\.|assistant|chatbot|model|bot|llm|persona|character|version\\s+of\\s+yourself)\\s+"
                                    + "(?:with\\s+(?:no|zero)|without(?:\\s+any)?|that\\s+(?:has|had)\\s+no|who\\s+has\\s+no|free\\s+(?:of|from)|"
                                    + "that\\s+(?:was\\s+)?never\\s+(?:given|had))\\s+(?:any\\s+)?(?:\\w+\\s+)?(?:restrictions|rules|filters|"
                                    + "limits|limitations|ethics|morals?|boundaries|guidelines|content\\s+polic(?:y|ies)|censorship|"
                                    + "guardrails|safety\\s+\\w+|constraints)")
                    .blocking()
                    .message("AI persona without limits")
                    .needs(
                            "restriction",
                            "rule",
                            "filter",
                            "limit",
                            "guideline",
                            "ethic",
                            "moral",
                            "censor",
                            "polic",
                            "safety",
                            "guardrail",
                            "boundar",
                            "constraint")
                    .build(),
            Rule.of(
                            "jailbreak.multilingual_persona",
                            JAILBREAK,
                            HIGH,
                            "\\b(?:tu\\s+es\\s+maintenant|ahora\\s+eres|du\\s+bist\\s+(?:jetzt|nun)|ora\\s+sei|agora\\s+(?:você\\s+é|"
                                    + "es))\\b[^.\\n]{0,50}?\\b(?:sans|sin|ohne|senza|sem)\\s+(?:aucune?s?\\s+|ninguna?s?\\s+|jegliche\\s+|"
                                    + "alcuna?\\s+|nenhuma?\\s+)?(?:restrictions?|restricci\\w+|r[eè]gles?|reglas|filtres?|filtros?|"
                                    + "einschränkungen|regeln|filter|limit\\w*|regole|restrizioni|regras)")
                    .blocking()
                    .message("persona without restrictions (non-English)")
                    .needs("tu", "eres", "bist", "sei", "agora")
                    .build(),
            Rule.of(
                            "jailbreak.grandma",
                            JAILBREAK,
                            MEDIUM,
                            "\\b(?:grand(?:ma|mother|pa|father)|granny|nana)\\b[^.\\n]{0,60}?\\b(?:used\\s+to|would)\\s+(?:tell|read|"
                                    + "sing|recite|whisper)[^.\\n]{0,60}?\\b(?:keys?|codes?|passwords?|recipe\\s+for|how\\s+to\\s+make|napalm|"
                                    + "instructions)")
                    .from(MODERATE)
                    .message("grandma exploit")
                    .needs("grand", "granny", "nana")
                    .build(),
            Rule.of(
                            "jailbreak.character_lock",
                            JAILBREAK,
                            MEDIUM,
                            "\\b(?:stay\\s+in\\s+character|never\\s+break\\s+character|don'?t\\s+break\\s+character|"
                                    + "never\\s+refuse|cannot\\s+refuse|must\\s+not\\s+refuse|will\\s+never\\s+(?:say\\s+no|"
                                    + "refuse|decline)|without\\s+(?:any\\s+)?(?:warnings|disclaimers|refusals?)|no\\s+disclaimers)\\b")
                    .from(MODERATE)
                    .message("refusal suppression")
                    .needs("character", "refuse", "say", "decline", "warnings", "disclaimer", "refusal")
                    .build(),
            Rule.of(
                            "jailbreak.hypothetical_harm",
                            JAILBREAK,
                            MEDIUM,
                            "\\b(?:hypothetically|in\\s+a\\s+fictional\\s+world|for\\s+a\\s+novel|for\\s+educational\\s+purposes"
                                    + "(?:\\s+only)?|purely\\s+theoretical(?:ly)?)\\b[^.\\n]{0,80}?\\b(?:how\\s+to\\s+(?:make|build|"
                                    + "synthesi[sz]e|create)\\s+(?:a\\s+)?(?:bomb|explosive|weapon|meth|nerve\\s+agent|malware|"
                                    + "ransomware|virus)|(?:instructions|steps|guide|recipe)\\s+(?:to|for)\\s+(?:make|making|build|building|"
                                    + "synthesi[sz]e|create)\\s+(?:a\\s+)?(?:pipe\\s+)?(?:bomb|explosive|weapon|meth|nerve\\s+agent|malware|"
                                    + "ransomware|virus)|step[- ]by[- ]step\\s+(?:guide|instructions)\\s+(?:to|for)\\s+"
                                    + "(?:hack|steal|kill|poison))")
                    .from(MODERATE)
                    .message("harmful request wrapped in fiction")
                    .needs("hypothetical", "fictional", "novel", "educational", "theoretical")
                    .build(),
            Rule.of(
                            "jailbreak.token_game",
                            JAILBREAK,
                            MEDIUM,
                            "\\b(?:you\\s+(?:have|start\\s+with)\\s+\\d+\\s+tokens|lose\\s+\\d+\\s+tokens|tokens?\\s+will\\s+be\\s+"
                                    + "deducted|two\\s+responses?[^.\\n]{0,40}(?:one\\s+(?:normal|filtered)|classic\\s+and))")
                    .from(MODERATE)
                    .message("jailbreak game mechanics")
                    .needs("token", "two")
                    .build(),
            Rule.of(
                            "jailbreak.divergence",
                            JAILBREAK,
                            MEDIUM,
                            "\\brepeat\\s+(?:the\\s+word\\s+)?['\"]?\\w+['\"]?\\s+(?:forever|infinitely|endlessly|"
                                    + "\\d{3,}\\s+times)")
                    .from(MODERATE)
                    .message("divergence attack (repeat forever)")
                    .needs("repeat")
                    .build());

    @Override
    protected List<Finding> find(SafetyInput input) {
        return RuleEngine.scan(NAME, RULES, DecodedText.of(input.text()), input.level());
    }
}
