/**
 * What a callee's answer means. {@link org.opendialer.speech.intent.IntentModel} is the port; the phrase
 * rules ({@code IntentTagger}) and the nearest examples by sentence embedding ({@code NearestExamples},
 * behind the {@code UtteranceEmbedder} port, whose adapter is in {@code minilm}) are combined by
 * {@code CombinedIntents}; {@code IntentModels} builds the model for a script and a node.
 */
package org.opendialer.speech.intent;
