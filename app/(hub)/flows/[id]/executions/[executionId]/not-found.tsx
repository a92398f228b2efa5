import { ExecutionNotFound } from "@/components/executions/execution-not-found";

export default ExecutionNotFound;
