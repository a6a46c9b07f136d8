package io.masscast.simulator;

/** The connection states the simulator reaches ({@code awaiting_2fa} is never simulated). */
enum ConnectionStatus {
    ACTIVE("active"),
    EXPIRED("expired");

    private final String wireName;

    ConnectionStatus(String wireName) {
        this.wireName = wireName;
    }

    String wireName() {
        return wireName;
    }
}
