package dev.microcred.credentials.ob3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.credentials.json.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a model record keeps beyond its typed components so that writing it back gives the JSON it was read
 * from: the members the model does not name (extensions, properties of newer versions) and which list-valued
 * members were written as a single value. Immutable and thread-safe: JSON values are copied in and out.
 */
public final class Extras {
    /** No extra members; every list written as an array. */
    public static final Extras NONE = new Extras(Json.object(), Set.of());

    private final ObjectNode members;
    private final Set<String> singleValued;

    private Extras(ObjectNode members, Set<String> singleValued) {
        this.members = members;
        this.singleValued = singleValued;
    }

    static Extras of(ObjectNode members, Set<String> singleValued) {
        return new Extras(members.deepCopy(), Collections.unmodifiableSet(new LinkedHashSet<>(singleValued)));
    }

    /** The names of the extra members, in document order. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        members.fieldNames().forEachRemaining(names::add);
        return List.copyOf(names);
    }

    /** A copy of the extra member {@code name}, or null. */
    public JsonNode get(String name) {
        JsonNode v = members.get(name);
        return v == null ? null : v.deepCopy();
    }

    /** A copy of these extras with member {@code name} set to {@code value}. */
    public Extras with(String name, JsonNode value) {
        ObjectNode copy = members.deepCopy();
        copy.set(name, value.deepCopy());
        return new Extras(copy, singleValued);
    }

    /** Whether the list-valued member {@code name} was written as a single value. */
    public boolean isSingleValued(String name) {
        return singleValued.contains(name);
    }

    void writeTo(ObjectNode target) {
        members.fields().forEachRemaining(e -> target.set(e.getKey(), e.getValue().deepCopy()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Extras other && members.equals(other.members) && singleValued.equals(other.singleValued);
    }

    @Override
    public int hashCode() {
        return members.hashCode() * 31 + singleValued.hashCode();
    }

    @Override
    public String toString() {
        return "Extras" + names();
    }
}
