package org.opendialer.speech.script;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Talk tracks and personas are read as YAML 1.2 (snakeyaml-engine's core schema), where only {@code true} and
 * {@code false} are booleans: under YAML 1.1 a talk track's {@code on:} key and its {@code YES:}/{@code NO:}
 * intents would turn into booleans. A key given twice is refused rather than letting the second win.
 */
public final class Yaml12 {

    private Yaml12() {
    }

    /** One YAML document as maps, lists and scalars; throws with the problem and its line on bad YAML. */
    public static Object load(String yaml) {
        return new Load(LoadSettings.builder().setAllowDuplicateKeys(false).setLabel("script").build()).loadFromString(yaml);
    }
}
