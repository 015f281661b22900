package org.opendialer.service.campaign;

/** The robot's part: the talk track it follows (null: none) and how many conversations it holds at once. */
public record RobotSettings(Long scriptId, int robotPorts) {
}
