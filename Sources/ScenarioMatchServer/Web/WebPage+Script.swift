extension WebPage {
    /// Builds the profile JSON from the form, calls `/v1/match` with the filters, and draws the
    /// answer. Text from the catalog only ever goes into `textContent`, never into HTML.
    static let script = #"""
    (function () {
      'use strict';
      var form = document.getElementById('profile-form');
      var list = document.getElementById('results');
      var empty = document.getElementById('results-empty');
      var meta = document.getElementById('results-meta');
      var errorBox = document.getElementById('form-error');
      var submit = document.getElementById('submit');
      var statusBox = document.getElementById('status');
      var example = JSON.parse(document.getElementById('example-profile').textContent);
      var listFields = ['industries', 'products', 'technologies', 'qualifications'];
      var numberFields = ['founded', 'employees', 'patents'];
      var fieldNames = {
        id: '企业编号', name: '企业名称', description: '企业简介', district: '注册区县', industries: '所属赛道',
        products: '主要产品', technologies: '核心技术', qualifications: '资质', founded: '成立年份',
        employees: '员工人数', patents: '授权专利', top: '返回条数', body: '请求内容'
      };

      function fill(p) {
        form.elements.id.value = p.id || '';
        form.elements.name.value = p.name || '';
        form.elements.description.value = p.description || '';
        form.elements.district.value = p.district || '';
        listFields.forEach(function (f) { form.elements[f].value = (p[f] || []).join('、'); });
        numberFields.forEach(function (f) { form.elements[f].value = p[f] === undefined ? '' : p[f]; });
      }

      function split(text) {
        return text.split(/[;；、|,，\n]/).map(function (s) { return s.trim(); }).filter(Boolean);
      }

      function profile() {
        var p = { id: form.elements.id.value.trim(), name: form.elements.name.value.trim(), description: form.elements.description.value.trim() };
        if (form.elements.district.value) { p.district = form.elements.district.value; }
        listFields.forEach(function (f) { var v = split(form.elements[f].value); if (v.length) { p[f] = v; } });
        numberFields.forEach(function (f) { var v = form.elements[f].value.trim(); if (v !== '') { p[f] = Number(v); } });
        return p;
      }

      function showError(message) {
        errorBox.textContent = message;
        errorBox.hidden = false;
      }

      function element(tag, className, text) {
        var e = document.createElement(tag);
        if (className) { e.className = className; }
        if (text !== undefined) { e.textContent = text; }
        return e;
      }

      function render(answer, filters) {
        list.textContent = '';
        var matches = answer.matches || [];
        meta.textContent = '企业 ' + answer.company_id + ' · ' + matches.length + ' 个场景' + (filters.length ? ' · ' + filters.join('，') : '');
        empty.hidden = matches.length > 0;
        if (!matches.length) { empty.textContent = '没有符合条件的场景：可放宽筛选，或补充企业画像。'; }
        var best = matches.reduce(function (m, x) { return Math.max(m, x.score); }, 0) || 1;
        matches.forEach(function (m) {
          var item = element('li', 'match');
          item.appendChild(element('div', 'rank', String(m.rank)));
          var body = element('div');
          var title = element('h3', null, m.title);
          title.appendChild(element('span', 'id', m.scenario_id));
          body.appendChild(title);
          var score = element('div', 'score');
          var bar = element('div', 'bar');
          var fillBar = element('span');
          fillBar.style.width = Math.max(2, Math.round(100 * m.score / best)) + '%';
          bar.appendChild(fillBar);
          score.appendChild(bar);
          score.appendChild(element('span', 'score-value', '匹配度 ' + m.score.toFixed(3)));
          body.appendChild(score);
          var reasons = element('ul', 'reasons');
          (m.reasons || []).forEach(function (r) { reasons.appendChild(element('li', null, r)); });
          body.appendChild(reasons);
          item.appendChild(body);
          list.appendChild(item);
        });
      }

      function run(event) {
        if (event) { event.preventDefault(); }
        errorBox.hidden = true;
        var query = new URLSearchParams();
        var top = form.elements.top.value.trim() || '10';
        query.set('top', top);
        var filters = [];
        var district = form.elements['filter-district'].value;
        var domain = form.elements['filter-domain'].value;
        if (district) { query.set('district', district); filters.push(district); }
        if (domain) { query.set('domain', domain); filters.push(domain); }
        submit.disabled = true;
        fetch('/v1/match?' + query.toString(), {
          method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(profile())
        }).then(function (response) {
          return response.json().then(function (body) { return { ok: response.ok, body: body }; });
        }).then(function (r) {
          if (!r.ok) {
            var field = fieldNames[r.body.field] || r.body.field;
            showError('无法匹配：' + r.body.error + (field ? '（' + field + '）' : ''));
            return;
          }
          render(r.body, filters);
        }).catch(function (e) {
          showError('请求失败：' + e.message);
        }).finally(function () {
          submit.disabled = false;
        });
      }

      function health() {
        fetch('/healthz').then(function (r) { return r.json(); }).then(function (h) {
          statusBox.textContent = '服务正常 · 场景库 ' + h.scenarios + ' 个场景';
          statusBox.className = 'status ok';
        }).catch(function () {
          statusBox.textContent = '服务不可用';
          statusBox.className = 'status down';
        });
      }

      form.addEventListener('submit', run);
      document.getElementById('reset-example').addEventListener('click', function () { fill(example); run(); });
      fill(example);
      health();
      run();
    })();
    """#
}
