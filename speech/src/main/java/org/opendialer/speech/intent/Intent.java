package org.opendialer.speech.intent;

import java.util.List;

/**
 * What a callee's answer means, with the built-in phrases that say it. Declared from the most to the least
 * decisive: when two intents match equally well, the earlier wins (a "do not call" outweighs a "no").
 */
public enum Intent {
    DO_NOT_CALL("do not call", "don't call", "stop calling", "remove me from your list", "take me off your list", "never call",
            "remove my number", "put me on your do not call list",
            "off your list", "off the list", "no more calls", "any more calls", "stop ringing", "stop phoning", "don't ring",
            "don't phone", "remove my details", "delete my number"),
    ANSWERING_MACHINE("leave a message", "after the tone", "after the beep", "not available", "voicemail",
            "can't come to the phone", "reached the voicemail"),
    WRONG_PERSON("wrong number", "wrong person", "doesn't live here", "no one by that name", "you have the wrong", "not me",
            "nobody by that name", "no one called", "nobody called", "never heard of", "don't live here", "wrong house"),
    WANTS_HUMAN("real person", "speak to someone", "talk to a human", "speak to a human", "an agent", "operator",
            "representative", "talk to a person", "speak to a person", "to a person", "to a human", "real human", "through to someone"),
    SWITCHED_PROVIDER("switched", "switched provider", "changed provider", "went with another", "moved to another",
            "cancelled my", "canceled my", "left you", "to another company", "another provider", "with a competitor"),
    ALREADY_CUSTOMER("already a customer", "already have it", "already have", "already with you", "already use", "i'm a customer",
            "already signed up", "customer already", "a customer"),
    NOT_INTERESTED("not interested", "no thanks", "no thank you", "not for me", "i'm good", "we're fine", "don't need",
            "don't want", "not right now thanks", "i'll pass"),
    CALLBACK_LATER("call me back", "call back", "call me later", "call me tomorrow", "another time", "later today", "next week",
            "try again later", "call me next", "maybe later", "tomorrow", "tonight", "this evening", "this afternoon",
            "next month", "in an hour", "on monday", "on tuesday", "on wednesday", "on thursday", "on friday", "on saturday",
            "on sunday", "at the weekend", "on the weekend"),
    BUSY_NOW("i'm busy", "busy right now", "bad time", "in a meeting", "i'm driving", "can't talk", "at work", "busy", "right now"),
    ASK_PRICE("how much", "what's the price", "what is the price", "what does it cost", "price", "cost", "how expensive",
            "the details", "more details", "what's included", "included", "monthly", "per month", "what do i get",
            "tell me more about"),
    INTERESTED("interested", "sounds good", "tell me more", "i'd like that", "sign me up", "i want it", "sounds great",
            "i would like", "let's do it", "that's great", "that is great", "great news", "great", "i'm interested", "i'm in"),
    UNHAPPY("unhappy", "terrible", "awful", "bad service", "disappointed", "frustrated", "too expensive"),
    YES("yes", "yeah", "yep", "sure", "of course", "okay", "that's right", "correct", "absolutely", "go ahead", "speaking", "it is",
            "i'm listening", "go on"),
    NO("no", "nope", "not really", "nah", "no it isn't");

    private final List<String> phrases;

    Intent(String... phrases) {
        this.phrases = List.of(phrases);
    }

    public List<String> phrases() {
        return phrases;
    }

    /** The built-in intent called {@code name}, null when it is not one (a node's own intent). */
    public static Intent named(String name) {
        for (Intent intent : values()) {
            if (intent.name().equals(name)) {
                return intent;
            }
        }
        return null;
    }
}
