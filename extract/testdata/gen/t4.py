from g import *
# T9: html-proactive-2019-yuan: procurement in 元 with the unit in the cell, and a second layout with 元 in a cell of its own.
P = [[("第二十条第（一）项",1,5)],[ "信息内容","本年新制作数量","本年新公开数量",("对外公开总数量",1,2)],
 ["规章","0","0",("5",1,2)],["规范性文件","3","3",("47",1,2)],
 [("第二十条第（五）项",1,5)],["信息内容","上一年项目数量","本年增/减",("处理决定数量",1,2)],
 ["行政许可","88","+12",("1,004",1,2)],["其他对外管理服务事项","6","-1",("230",1,2)],
 [("第二十条第（六）项",1,5)],["信息内容","上一年项目数量","本年增/减",("处理决定数量",1,2)],
 ["行政处罚","41","+3",("512",1,2)],["行政强制","2","0",("17",1,2)],
 [("第二十条第（八）项",1,5)],["信息内容","上一年项目数量",("本年增/减",1,3)],
 ["行政事业性收费","9",("-2",1,3)],
 [("第二十条第（九）项",1,5)],["信息内容","采购项目数量",("采购总金额",1,3)],
 ["政府集中采购","135","75394432.52","元",""]]
exp = {"regulations":{"new_made":0,"new_published":0,"total_published":5},"normative_docs":{"new_made":3,"new_published":3,"total_published":47},
 "licensing":{"prev_items":88,"change":12,"decisions":1004},"other_mgmt_services":{"prev_items":6,"change":-1,"decisions":230},
 "penalty":{"prev_items":41,"change":3,"decisions":512},"coercion":{"prev_items":2,"change":0,"decisions":17},
 "admin_fees":{"prev_items":9,"change":-2},"central_procurement":{"projects":135,"amount_10k_yuan":7539.443252}}
doc = html_doc("某某市2019年政府信息公开工作年度报告", ["<p>二、主动公开政府信息情况</p>", html_table(P)])
write("html-proactive-2019-yuan","input.html",doc,{"template":"2019","proactive":exp})

# T10: md-proactive-2021-yuan-header: the fee column header prints （元） and the value is in 元.
P = [["信息内容","本年制发件数","本年废止件数","现行有效件数"],
 ["规章","0","1","12"],["行政规范性文件","25","6","131"],
 ["信息内容","本年处理决定数量","",""],["行政许可","2,046","",""],
 ["信息内容","本年处理决定数量","",""],["行政处罚","733","",""],["行政强制","0","",""],
 ["信息内容","本年收费金额（元）","",""],["行政事业性收费","251000","",""]]
exp = {"regulations":{"issued":0,"repealed":1,"in_force":12},"normative_docs":{"issued":25,"repealed":6,"in_force":131},
 "licensing":{"decisions":2046},"penalty":{"decisions":733},"coercion":{"decisions":0},"admin_fees":{"amount_10k_yuan":25.1}}
write("md-proactive-2021-yuan-header","input.md","## 二、主动公开政府信息情况\n\n"+md_table(P),{"template":"2021","proactive":exp})

# T11: html-blank-vs-zero: blank cells, &nbsp;, dashes and slashes are null; printed 0 is 0.
labs = [("new_received","一、本年新收政府信息公开申请数量"),("carried_over","二、上年结转政府信息公开申请数量"),
 ("granted","（一）予以公开"),("partially_granted","（二）部分公开"),("denied_state_secret","（三）不予公开 1.属于国家秘密"),
 ("denied_law_prohibited","2.其他法律行政法规禁止公开"),("denied_security_stability","3.危及“三安全一稳定”"),
 ("denied_third_party","4.保护第三方合法权益"),("denied_internal_affairs","5.属于三类内部事务信息"),("denied_process_info","6.属于四类过程性信息"),
 ("denied_enforcement_file","7.属于行政执法案卷"),("denied_inquiry","8.属于行政查询事项"),("unavailable_not_held","（四）无法提供 1.本机关不掌握相关政府信息"),
 ("unavailable_needs_creation","2.没有现成信息需要另行制作"),("unavailable_unclear","3.补正后申请内容仍不明确"),("not_processed_complaint","（五）不予处理 1.信访举报投诉类申请"),
 ("not_processed_repeat","2.重复申请"),("not_processed_publication","3.要求提供公开出版物"),("not_processed_excessive","4.无正当理由大量反复申请"),
 ("not_processed_confirmation","5.要求行政机关确认或重新出具已获取信息"),("other_handling","（六）其他处理"),("total_handled","（七）总计"),("carried_forward","四、结转下年度继续办理")]
marks = ["", "&nbsp;", "—", "/", "-", "无", " "]
rows=[["","自然人","商业企业","科研机构","社会公益组织","法律服务机构","其他","总计"]]; exp=[]
for i,(code,lab) in enumerate(labs):
    printed=[]; vals=[]
    for c in range(7):
        k=(i*7+c)%5
        if k==0:
            printed.append("0"); vals.append(0)
        elif k==1:
            printed.append(str(i+c)); vals.append(i+c)
        else:
            printed.append(marks[(i+c)%len(marks)]); vals.append(None)
    rows.append([lab]+printed); exp.append((code,vals))
doc = html_doc("某某局2019年政府信息公开工作年度报告", ["<p>三、收到和处理政府信息公开申请情况</p>", html_table(rows)])
write("html-blank-vs-zero","input.html",doc,{"requests":reqexp(exp)})

# T12: txt-proactive-signed: signed changes in every form, a sign on an unsigned column, measure words.
P = [["第二十条第（一）项"],["信息内容","本年新制作数量","本年新公开数量","对外公开总数量"],
 ["规章","+1","1","6件"],["规范性文件","4","4","29"],
 ["第二十条第（五）项"],["信息内容","上一年项目数量","本年增/减","处理决定数量"],
 ["行政许可","30","＋14","44"],["其他对外管理服务事项","5","－2","3"],
 ["第二十条第（六）项"],["信息内容","上一年项目数量","本年增/减","处理决定数量"],
 ["行政处罚","12","−3","9"],["行政强制","7","+0","7"],
 ["第二十条第（八）项"],["信息内容","上一年项目数量","本年增/减"],
 ["行政事业性收费","2","-1"],
 ["第二十条第（九）项"],["信息内容","采购项目数量","采购总金额"],
 ["政府集中采购","4","56.5万元"]]
exp = {"regulations":{"new_made":1,"new_published":1,"total_published":6},"normative_docs":{"new_made":4,"new_published":4,"total_published":29},
 "licensing":{"prev_items":30,"change":14,"decisions":44},"other_mgmt_services":{"prev_items":5,"change":-2,"decisions":3},
 "penalty":{"prev_items":12,"change":-3,"decisions":9},"coercion":{"prev_items":7,"change":0,"decisions":7},
 "admin_fees":{"prev_items":2,"change":-1},"central_procurement":{"projects":4,"amount_10k_yuan":56.5}}
write("txt-proactive-signed","input.txt","二、主动公开政府信息情况\n\n"+txt_table(P),{"template":"2019","proactive":exp})
