/**
 * The API areas the fake serves, each a module exporting its route table; the router tries
 * them in this order. A new area is one module and one line in the list below; what it keeps
 * goes in state.ts (one repository's state, shared by all areas) and what tests set or read
 * directly in control.ts and types.ts (FakeGitHub).
 */
import { commits } from './commits.js'
import { compare } from './compare.js'
import { contents } from './contents.js'
import { gitDatabase } from './git-database.js'
import { graphqlApi } from './graphql.js'
import { packages } from './packages.js'
import { pulls } from './pulls.js'
import { repository } from './repository.js'
import type { RouteTable } from './router.js'

export const apiAreas: RouteTable[] = [
  repository,
  gitDatabase,
  contents,
  commits,
  compare, // more of the compare API goes in its module
  pulls,
  packages, // the container versions list, for orgs and users
  graphqlApi // auto-merge mutations
]
