import "@apollo/client";

// Mutations resolve with { data, error } (errorPolicy "all") instead of rejecting, app-wide.
declare module "@apollo/client" {
  namespace ApolloClient {
    namespace DeclareDefaultOptions {
      interface Mutate {
        errorPolicy: "all";
      }
    }
  }
}
