import { matching } from "../inputs";

// Repository coordinates shared by GitHub's repo-scoped actions.
export const repoCoordinates = {
  owner: matching("owner", /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, "must be a GitHub user or organization name"),
  repo: matching("repo", /^[A-Za-z0-9._-]{1,100}$/, "must be a repository name"),
};
