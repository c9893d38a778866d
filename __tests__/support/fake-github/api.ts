/**
 * The API areas the fake serves, each a module with its route table; the router tries them in
 * this order. A new area is one module and one line here. Planned next, each its own module:
 * the GitHub Packages API (GET /orgs/{org}/packages/{package_type}/{package_name}/versions and
 * its /users/{username}/… twin; a `{org}` or `{username}` is the handler's to check, the router
 * checks only `{owner}` and `{repo}`), more of the compare API (in compare.ts), and GraphQL
 * (POST /graphql, e.g. the enablePullRequestAutoMerge mutation, acting on the same pulls).
 */
import { commits } from './commits.js'
import { compare } from './compare.js'
import { contents } from './contents.js'
import { gitDatabase } from './git-database.js'
import { pulls } from './pulls.js'
import { repository } from './repository.js'
import type { RouteTable } from './router.js'

export const apiAreas: RouteTable[] = [repository, gitDatabase, contents, commits, compare, pulls]
