export * from "./workspaces";
export * from "./connectors";
export * from "./flows";
export * from "./webhooks";
export * from "./executions";
export * from "./alerts";
export * from "./activity";
