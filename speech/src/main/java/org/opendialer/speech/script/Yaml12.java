package org.opendialer.speech.script;

import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * SnakeYAML reads YAML 1.1, where {@code on}, {@code yes} and {@code no} are booleans: a talk track's
 * {@code on:} key and its {@code YES:}/{@code NO:} intents would turn into {@code true}/{@code false}. This
 * loader keeps YAML 1.2's rule: only true and false are booleans.
 */
public final class Yaml12 {

    private static final Pattern BOOL = Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$");

    private Yaml12() {
    }

    public static Yaml loader() {
        Resolver resolver = new Resolver() {
            @Override
            protected void addImplicitResolvers() {
                addImplicitResolver(Tag.BOOL, BOOL, "tTfF");
                addImplicitResolver(Tag.INT, Resolver.INT, "-+0123456789");
                addImplicitResolver(Tag.FLOAT, Resolver.FLOAT, "-+0123456789.");
                addImplicitResolver(Tag.NULL, Resolver.NULL, "~nN\0");
                addImplicitResolver(Tag.NULL, Resolver.EMPTY, null);
            }
        };
        LoaderOptions options = new LoaderOptions();
        return new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(), options, resolver);
    }
}
