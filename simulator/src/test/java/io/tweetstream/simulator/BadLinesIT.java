package io.tweetstream.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tweetstream.simulator.testing.Api;
import io.tweetstream.simulator.testing.StreamClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Bad lines injected into open streams, on v1.1 and v2: each arrives byte for byte as recorded in the ledger, and
 * normal tweets follow it.
 */
class BadLinesIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StreamSimulator simulator;

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    static Stream<Arguments> badLines() {
        return Stream.of(Api.values()).flatMap(api -> Stream.of(
                Arguments.of(api, BadLine.truncatedJson(), (Consumer<byte[]>) line -> {
                    String tweet = api == Api.V1 ? BadLine.V1_TWEET : BadLine.V2_TWEET;
                    assertThat(new String(line, StandardCharsets.UTF_8)).isEqualTo(tweet.substring(0, tweet.length() / 2));
                    assertThatThrownBy(() -> JSON.readTree(line)).as("not JSON").isNotNull();
                }),
                Arguments.of(api, BadLine.invalidUtf8(), (Consumer<byte[]>) line -> {
                    assertThatThrownBy(() -> StandardCharsets.UTF_8.newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(line)))
                            .isInstanceOf(CharacterCodingException.class);
                    String lenient = new String(line, StandardCharsets.UTF_8);
                    assertThat(lenient).contains("\uFFFD").contains("Kafka Connect");
                }),
                Arguments.of(api, BadLine.hugeLine(), (Consumer<byte[]>) line -> {
                    assertThat(line).hasSize(10 * 1024 * 1024);
                    assertThat(new String(line, 0, 12, StandardCharsets.UTF_8)).isEqualTo("{\"padding\":\"");
                    assertThat(new String(line, line.length - 3, 3, StandardCharsets.UTF_8)).isEqualTo("x\"}");
                }),
                Arguments.of(api, BadLine.hugeLine(100_000, false), (Consumer<byte[]>) line -> {
                    assertThat(line).hasSize(100_000);
                    assertThat(new String(line, StandardCharsets.US_ASCII)).startsWith("not json not json");
                }),
                Arguments.of(api, BadLine.deeplyNested(), (Consumer<byte[]>) line -> {
                    String text = new String(line, StandardCharsets.US_ASCII);
                    assertThat(text).startsWith("{\"nested\":[[[").endsWith("]]]}").hasSize(11 + 200_000);
                    assertThat(text.chars().filter(c -> c == '[').count()).isEqualTo(100_000);
                }),
                Arguments.of(api, BadLine.unknownMessage(), (Consumer<byte[]>) line -> {
                    JsonNode message = parse(line);
                    assertThat(message.fieldNames()).toIterable()
                            .containsExactly(api == Api.V1 ? "some_new_notice" : "foo");
                })));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("badLines")
    void aBadLineArrivesExactlyAsRecordedThenTweetsGoOn(Api api, BadLine badLine, Consumer<byte[]> isBad)
            throws Exception {
        simulator = StreamSimulator.start(SimulatorSettings.builder().tweetsPerSecond(100).build());
        try (StreamClient stream = api.open(simulator)) {
            stream.nextMessages(2);

            assertThat(simulator.injectLine(badLine)).isEqualTo(1);

            byte[] expected = badLine.bytes(api.endpoint());
            StreamClient.Line line;
            while (!Arrays.equals((line = stream.nextLine(Duration.ofSeconds(10))).bytes(), expected)) {
                assertThat(line.end()).as("the stream ended before the bad line").isFalse();
                assertThat(line.isKeepAlive() || api.isTweet(parse(line.bytes()))).as("a tweet before it").isTrue();
            }
            isBad.accept(line.bytes());
            assertThat(stream.nextMessages(3)).as("tweets after it").allMatch(api::isTweet);
        }
        assertThat(simulator.injectedLines()).singleElement().satisfies(injected -> {
            assertThat(injected.connectionId()).isEqualTo(1);
            assertThat(injected.endpoint()).isEqualTo(api.endpoint());
            assertThat(injected.kind()).isEqualTo(badLine.kind());
            assertThat(injected.length()).isEqualTo(expected(api, badLine).length);
            assertThat(injected.bytes()).isEqualTo(expected(api, badLine));
        });
    }

    @Test
    void aRawLineGoesToEveryOpenStreamOfBothApisAndEachIsRecorded() throws Exception {
        simulator = StreamSimulator.start(SimulatorSettings.builder().tweetsPerSecond(100).build());
        byte[] raw = {'{', '"', 'a', '"', ':', (byte) 0xFE, '}'};
        try (StreamClient v1 = Api.V1.open(simulator); StreamClient v2 = Api.V2.open(simulator)) {
            v1.nextMessages(1);
            v2.nextMessages(1);

            assertThat(simulator.injectRawLine(raw)).isEqualTo(2);

            for (StreamClient stream : new StreamClient[]{v1, v2}) {
                StreamClient.Line line;
                do {
                    line = stream.nextLine();
                } while (!line.end() && !Arrays.equals(line.bytes(), raw));
                assertThat(line.bytes()).isEqualTo(raw);
            }
        }
        await().atMost(StreamClient.DEADLINE).until(() -> simulator.injectedLines().size() == 2);
        assertThat(simulator.injectedLines()).extracting(InjectedLine::connectionId).containsExactlyInAnyOrder(1L, 2L);
        assertThat(simulator.injectedLines()).allSatisfy(line -> {
            assertThat(line.kind()).isEqualTo(BadLine.Kind.RAW);
            assertThat(line.bytes()).isEqualTo(raw);
        });
    }

    private static byte[] expected(Api api, BadLine line) {
        return line.bytes(api.endpoint());
    }

    private static JsonNode parse(byte[] line) {
        try {
            return JSON.readTree(line);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + new String(line, 0, Math.min(line.length, 200), StandardCharsets.UTF_8), e);
        }
    }
}
