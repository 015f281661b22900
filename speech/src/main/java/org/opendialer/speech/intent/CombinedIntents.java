package org.opendialer.speech.intent;

/**
 * The phrase rules and the embedding layer together. Negation and explicit phrases keep priority:
 * <ol>
 *   <li>a rule match at least {@link #SURE_PHRASE} sure is an explicit phrase and stands;</li>
 *   <li>interest the rules found negated ("I'm not really interested") is disinterest and stands:
 *       embeddings hardly tell "interested" from "not interested";</li>
 *   <li>in an answer that negates, the embeddings may not read yes or interest unless the example they
 *       found negates too;</li>
 *   <li>otherwise the nearest examples decide when their score reaches {@link #NEAR_EXAMPLE}, or
 *       {@link #OVERRULE} to overrule an unsure rule match that says something else; nearest to the
 *       examples of no intent is no match;</li>
 *   <li>else the unsure rule match, if any, stands.</li>
 * </ol>
 * The thresholds were tuned on the dev half of {@code /bench/intents.tsv} only.
 */
public final class CombinedIntents implements IntentModel {

    /** A rule match this sure is an explicit phrase: the embeddings are not asked. */
    static final double SURE_PHRASE = 0.85;
    /** Mean cosine similarity to an intent's nearest examples at which the embeddings decide. */
    static final double NEAR_EXAMPLE = 0.40;
    /** When the rules matched unsurely, the embeddings overrule them from this score. */
    public static final double OVERRULE = 0.55;

    private final IntentTagger rules;
    private final IntentModel examples;

    public CombinedIntents(IntentTagger rules, IntentModel examples) {
        this.rules = rules;
        this.examples = examples;
    }

    @Override
    public TaggedIntent tag(String utterance) {
        TaggedIntent byRule = rules.tag(utterance);
        boolean negates = IntentTagger.negates(utterance);
        if (byRule.matched() && (byRule.confidence() >= SURE_PHRASE || byRule.basis() == TaggedIntent.Basis.NEGATED_PHRASE)) {
            return byRule;
        }
        TaggedIntent byExample = examples.tag(utterance);
        if (byExample.phrase() == null || negates && affirms(byExample) && !IntentTagger.negates(byExample.phrase())) {
            return byRule;
        }
        double needed = byRule.matched() && !byRule.name().equals(byExample.name()) ? OVERRULE : NEAR_EXAMPLE;
        return byExample.confidence() >= needed ? byExample : byRule;
    }

    /** Yes and interest: what a negation turns round, and what a careless embedding reads into "not ...". */
    private static boolean affirms(TaggedIntent t) {
        return t.intent() == Intent.YES || t.intent() == Intent.INTERESTED;
    }
}
