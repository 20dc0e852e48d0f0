package io.tweetstream.simulator.v2;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tweetstream.simulator.MatchedRule;

import java.util.List;

/** A replayed v2 message as one connection gets it: as recorded, with this simulator's {@code matching_rules}. */
final class Replayed {

    private Replayed() {
    }

    /**
     * @param rules the rules in force it matched; {@code null} on the sample stream, whose messages carry none
     */
    static ObjectNode withRules(ObjectNode recorded, List<MatchedRule> rules) {
        if (!recorded.has("data")) {
            return recorded; // an error message or an unknown one goes out exactly as recorded
        }
        ObjectNode message = recorded.deepCopy();
        message.remove("matching_rules");
        if (rules != null) {
            ArrayNode list = message.putArray("matching_rules");
            rules.forEach(rule -> {
                ObjectNode node = list.addObject().put("id", rule.id());
                if (rule.tag() != null) {
                    node.put("tag", rule.tag());
                }
            });
        }
        return message;
    }
}
